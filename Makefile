# Shoal: `make demo` runs the lab with the demo scenario, `make test` runs every test.
# Both install what they need first (Debian packages, the build, the launchers); run them as root.
SHELL := /bin/bash
JAVA_HOME ?= /usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
PREFIX ?= /usr/local
LIBDIR := $(PREFIX)/lib/shoal
MVN := mvn -B -q
# What Shoal drives (ip, bridge, nft, runc, nsenter/unshare, tini for lab hosts), what its built-in
# image is made of (busybox-static), what tests and benchmarks use (iperf3, ping, curl), and Maven.
DEB_PACKAGES := iproute2 nftables runc busybox-static util-linux tini iperf3 iputils-ping curl maven

.PHONY: install deps build demo test unit bench clean

install: build
	rm -rf $(LIBDIR)
	mkdir -p $(LIBDIR)/daemon $(LIBDIR)/cli
	cp shoal-daemon/target/shoal-daemon-*.jar shoal-daemon/target/lib/*.jar $(LIBDIR)/daemon/
	cp shoal-cli/target/shoal-cli-*.jar shoal-cli/target/lib/*.jar $(LIBDIR)/cli/
	for f in shoald shoal; do \
	  sed -e 's#@JAVA_HOME@#$(JAVA_HOME)#g' -e 's#@LIBDIR@#$(LIBDIR)#g' bin/$$f > $(PREFIX)/bin/$$f; \
	  chmod 755 $(PREFIX)/bin/$$f; \
	done
	bin/aot-train $(PREFIX)/bin $(LIBDIR)
	@echo "installed shoal and shoald in $(PREFIX)/bin"

deps:
	@test "$$(id -u)" = 0 || { echo "run as root: Shoal manages namespaces, links and nftables"; exit 1; }
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@test -x $(JAVA_HOME)/bin/java || { echo "Java 25 is expected in $(JAVA_HOME); set JAVA_HOME"; exit 1; }

build: deps
	$(MVN) -DskipTests package

demo: install
	shoal lab demo

# Every tier: unit tests and the integration tests that need root and the kernel (tag netns).
test: install
	$(MVN) verify

# Unit tests only: no root, seconds.
unit:
	$(MVN) -DskipITs verify

# Benchmarks of the installed build (not part of the tests): BENCH="lab …" picks some.
bench: install
	$(JAVA_HOME)/bin/java --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:bench/target/lib/*" shoal.bench.Main $(BENCH)

clean:
	$(MVN) clean
