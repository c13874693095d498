package shoal.cli.format.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.cli.json.Json;

class TemplateTest {
  private static final String CONTAINER = """
      {"Id":"4f5c0e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6",
       "Name":"/web","Args":["-c","echo hi"],"RestartCount":0,
       "State":{"Status":"running","Running":true,"ExitCode":0,"Pid":4242,"Health":null},
       "Config":{"Hostname":"4f5c0e1a2b3c","Env":["PATH=/bin","A=b"],"Cmd":["sh","-c","echo hi"],
                 "Labels":{"com.example.b":"2","com.example.a":"1"},"Tty":false},
       "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2","Aliases":null},
                                      "front":{"IPAddress":"10.1.0.5","Aliases":["web"]}}},
       "Mounts":[]}
      """;

  private static String run(String template, String json) {
    return Template.parse(template).execute(Json.parse(json));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
      {{.Name}} => /web
      {{.State.Status}} => running
      {{.State.Pid}} => 4242
      {{.State.Running}} => true
      {{.Config.Labels}} => map[com.example.a:1 com.example.b:2]
      {{.Config.Env}} => [PATH=/bin A=b]
      {{.Config.Nope}} => <no value>
      {{.Nope.Deeper}} => <no value>
      {{.State.Health}} => <no value>
      {{.NetworkSettings.Networks.bridge}} => map[Aliases:<nil> IPAddress:172.17.0.2]
      {{json .Config.Labels}} => {"com.example.b":"2","com.example.a":"1"}
      {{json .Args}} => ["-c","echo hi"]
      {{json .State.Health}} => null
      {{json .Missing}} => null
      {{index .Config.Labels "com.example.a"}} => 1
      {{index .Config.Labels "nope"}} => <no value>
      {{index .Config.Cmd 2}} => echo hi
      {{(index .NetworkSettings.Networks "front").IPAddress}} => 10.1.0.5
      {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}} => ~172.17.0.2 10.1.0.5 ~
      {{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}};{{end}} => bridge=172.17.0.2;front=10.1.0.5;
      {{range $i, $e := .Config.Cmd}}{{$i}}:{{$e}} {{end}} => ~0:sh 1:-c 2:echo hi ~
      {{range .Mounts}}x{{else}}none{{end}} => none
      {{range .Config.Cmd}}{{if eq . "-c"}}{{break}}{{end}}{{.}}{{end}} => sh
      {{range .Config.Cmd}}{{if eq . "-c"}}{{continue}}{{end}}[{{.}}]{{end}} => [sh][echo hi]
      {{if .State.Running}}up{{else}}down{{end}} => up
      {{if not .State.Running}}up{{else if .Id}}id{{else}}no{{end}} => id
      {{if and .State.Running (eq .State.ExitCode 0)}}ok{{end}} => ok
      {{or .Config.Nope "fallback"}} => fallback
      {{with .Config}}{{.Hostname}}{{end}} => 4f5c0e1a2b3c
      {{with .Config.Nope}}yes{{else}}no{{end}} => no
      {{join .Config.Env ","}} => PATH=/bin,A=b
      {{join (split "a:b:c" ":") "-"}} => a-b-c
      {{split "a,b" ","}} => [a b]
      {{lower "MiXeD"}} {{upper "MiXeD"}} => mixed MIXED
      {{title "hello wORLD-x it's"}} => Hello WORLD-X It'S
      {{len .Config.Cmd}} {{len .Name}} {{len .Config.Labels}} => 3 4 2
      {{slice .Id 0 12}} => 4f5c0e1a2b3c
      {{.Name | printf "%s!"}} => /web!
      {{printf "%-8s|%5d|%q" "ab" 42 "x"}} => ~ab      |   42|"x"~
      {{printf "%05d %x %v %t" 42 255 .Args true}} => 00042 ff [-c echo hi] true
      {{print "a" 1 2 "b"}} => a1 2b
      {{println "a" 1}}{{"x"}} => ~a 1\nx~
      {{$n := .Name}}{{$n}}{{$n = "other"}} {{$n}} => /web other
      {{range .Config.Cmd}}{{$.Name}}{{end}} => /web/web/web
      {{- "  trimmed" -}}   {{"!"}} => ~  trimmed!~
      a  {{- /* comment */ -}}  b => ab
      {{pad "x" 2 1}}|{{pad "" 2 1}}|{{truncate "abcdef" 3}} => ~  x ||abc~
      {{lt 1 2}} {{ge .State.ExitCode 1}} {{ne "a" "b"}} => true false true
      {{.RestartCount}}{{`raw\\t`}} => ~0raw\\\\t~
      {{index .Config.Env 0 | len}} => 9
      """)
  void executesLikeGo(String template, String expected) {
    String want = expected.replace("\\n", "\n").replace("\\\\", "\\");
    assertThat(run(template, CONTAINER)).isEqualTo(want);
  }

  /** {@code docker context inspect default} as JSON; expectations printed by docker 28.2.2's -f. */
  private static final String DOCKER_CONTEXT = """
      {"Name":"default","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///var/run/docker.sock","SkipTLSVerify":false}},
       "TLSMaterial":{},"Storage":{"MetadataPath":"<IN MEMORY>","TLSPath":"<IN MEMORY>"}}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
      {{.Name}} => default
      {{.Storage.MetadataPath}} => <IN MEMORY>
      {{upper .Name}}|{{lower "ABC"}} => DEFAULT|abc
      {{range .Endpoints}}{{.Host}}{{end}} => unix:///var/run/docker.sock
      {{json .Storage}} => {"MetadataPath":"<IN MEMORY>","TLSPath":"<IN MEMORY>"}
      {{.Endpoints.docker.SkipTLSVerify}} => false
      {{if .Endpoints.docker.SkipTLSVerify}}a{{else}}b{{end}} => b
      {{len .Endpoints}} => 1
      {{with .Endpoints.docker}}{{.Host}}{{end}} => unix:///var/run/docker.sock
      {{join (split .Endpoints.docker.Host "/") "|"}} => unix:|||var|run|docker.sock
      {{.Name | printf "%q"}} => "default"
      {{printf "%5.2f|%x|%t" 3.14159 255 true}} => ~ 3.14|ff|true~
      {{eq .Name "default"}} {{ne .Name "x"}} {{lt 1 2}} => true true true
      {{slice .Name 1 3}} => ef
      {{pad .Name 1 2}}|{{truncate .Name 3}} => ~ default  |def~
      {{println .Name}}x => ~default\nx~
      {{"a\tb"}} => ~a\tb~
      {{range $i, $c := split "x,y" ","}}{{$i}}{{$c}}{{end}} => 0x1y
      {{.Endpoints.nope}} => <no value>
      {{json .Endpoints}} => {"docker":{"Host":"unix:///var/run/docker.sock","SkipTLSVerify":false}}
      {{printf "%-10s|" .Name}} => default   |
      {{len .Name}} {{title "hello wORLD-x"}} {{split "a,b" ","}} => 7 Hello WORLD-X [a b]
      """)
  void printsWhatDockerPrints(String template, String expected) {
    assertThat(run(template, DOCKER_CONTEXT)).isEqualTo(expected.replace("\\n", "\n").replace("\\t", "\t"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
      {{.Foo | bar}} => template: :1: function "bar" not defined
      {{.Foo => template: :1: unclosed action
      {{end}} => template: :1: unexpected {{end}}
      {{if .A}}x => template: :1: unexpected EOF
      {{$x}} => template: :1: undefined variable "$x"
      {{break}} => template: :1: {{break}} outside {{range}}
      """)
  void parseErrorsUseGosWords(String template, String message) {
    assertThatThrownBy(() -> Template.parse(template)).isInstanceOf(TemplateException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
      {{.Name.Foo}} => template: :1:7: executing "" at <.Name.Foo>: can't evaluate field Foo in type string
      {{.State.Health.Status}} => template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating interface {}.Status
      {{index .Config.Cmd 7}} => template: :1:2: executing "" at <index .Config.Cmd 7>: error calling index: index out of range: 7
      {{.Config.Labels.a "x"}} => template: :1:9: executing "" at <.Config.Labels.a>: a is not a method but has arguments
      """)
  void executionErrorsUseGosWords(String template, String message) {
    assertThatThrownBy(() -> run(template, CONTAINER)).isInstanceOf(TemplateException.class).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void templateObjectsAnswerFieldsAndMethodsAndRefuseUnknownNames() {
    TemplateObject ctx = new TemplateObject() {
      @Override
      public String typeName() {
        return "*formatter.ContainerContext";
      }

      @Override
      public Object field(String name, List<Object> args) {
        return switch (name) {
          case "ID" -> "abc";
          case "Label" -> "v-" + args.getFirst();
          default -> UNKNOWN;
        };
      }
    };
    assertThat(Template.parse("{{.ID}} {{.Label \"k\"}}").execute(ctx)).isEqualTo("abc v-k");
    assertThatThrownBy(() -> Template.parse("{{.Foo}}").execute(ctx))
        .hasMessage("template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext");
  }
}
