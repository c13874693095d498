package shoal.cli.commands.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.DaemonUnreachableException;
import shoal.cli.api.EngineClient;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.TabWriter;
import shoal.cli.format.template.Template;
import shoal.cli.json.Jv;

@Command(name = "version", description = "Show the Shoal version information", customSynopsis = "[OPTIONS]")
public final class VersionCommand extends ApiCommand {
  // docker's layout, with Shoal's runtime named for what it is.
  private static final String TEMPLATE = """
      Client:{{if ne .Client.Platform.Name ""}} {{.Client.Platform.Name}}{{end}}
       Version:\t{{.Client.Version}}
       API version:\t{{.Client.APIVersion}}{{if ne .Client.APIVersion .Client.DefaultAPIVersion}} (downgraded from {{.Client.DefaultAPIVersion}}){{end}}
       Java version:\t{{.Client.GoVersion}}
       OS/Arch:\t{{.Client.Os}}/{{.Client.Arch}}
       Context:\t{{.Client.Context}}
      {{- with .Server}}

      Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
       {{- range $component := .Components}}
       {{$component.Name}}:
        Version:\t{{$component.Version}}
        {{- if eq $component.Name "Engine"}}
        API version:\t{{index $component.Details "ApiVersion"}} (minimum version {{index $component.Details "MinAPIVersion"}})
        Java version:\t{{index $component.Details "GoVersion"}}
        OS/Arch:\t{{index $component.Details "Os"}}/{{index $component.Details "Arch"}}
        Kernel version:\t{{index $component.Details "KernelVersion"}}
        {{- end}}
       {{- end}}
      {{- end}}""";

  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  public VersionCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("Platform", Map.of("Name", "Shoal"));
    client.put("Version", CliContext.VERSION);
    client.put("DefaultAPIVersion", EngineClient.MAX_API);
    client.put("GoVersion", System.getProperty("java.version"));
    client.put("GitCommit", "");
    client.put("BuildTime", "");
    client.put("Os", "linux");
    client.put("Arch", arch());
    client.put("Context", "default");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Client", client);
    DaemonUnreachableException unreachable = null;
    try {
      client.put("APIVersion", api().apiVersion());
      Map<String, Object> server = new LinkedHashMap<>(Jv.map(api().get("/version", null)));
      // Go's field names, as docker's typed template sees them: {{.Server.APIVersion}}
      server.put("APIVersion", server.get("ApiVersion"));
      server.putIfAbsent("Components", List.of());
      data.put("Server", server);
    } catch (DaemonUnreachableException e) {
      client.put("APIVersion", EngineClient.MAX_API);
      data.put("Server", null);
      unreachable = e;
    }
    String text;
    if (format != null && !format.isEmpty()) {
      text = Template.parse(format).execute(data) + "\n";
    } else {
      text = new TabWriter(20, 1).write(Template.parse(TEMPLATE).execute(data)).write("\n").flush();
    }
    out().print(text);
    out().flush();
    if (unreachable != null) {
      throw new CliException(unreachable.getMessage());
    }
    return 0;
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return a.equals("x86_64") ? "amd64" : a.equals("aarch64") ? "arm64" : a;
  }
}
