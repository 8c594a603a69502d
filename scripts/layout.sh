# The files the .deb (scripts/package.sh) and scripts/install.sh both put on a host, written
# once so the two layouts cannot drift. Sourced from the source tree's root; not run on its own.

# Fails with a hint when the shaded jar has not been built. $1: the calling script's name.
require_jar() {
    if [ ! -f target/javakeepalived.jar ]; then
        echo "$1: target/javakeepalived.jar is missing; build it first with 'mvn -B package'" >&2
        exit 1
    fi
}

# The daemon, its launcher and the builder of its class-data archive. $1: .../share/javakeepalived, $2: .../sbin.
install_program() {
    install -d "$1" "$2"
    install -m 0644 target/javakeepalived.jar "$1/javakeepalived.jar"
    install -m 0755 scripts/cds-archive.sh "$1/cds-archive.sh"
    install -m 0755 scripts/javakeepalived "$2/javakeepalived"
}

# README, copyright and the examples (configurations and their scripts). $1: .../share/doc/javakeepalived.
install_docs() {
    install -d "$1/examples/scripts"
    install -m 0644 README.md "$1/README.md"
    install -m 0644 LICENSE "$1/copyright"
    local dir name
    for dir in conf/examples/*/; do
        name=$(basename "$dir")
        install -d "$1/examples/$name"
        install -m 0644 "$dir"*.conf "$1/examples/$name/"
        for script in "$dir"*.sh; do
            if [ -e "$script" ]; then install -m 0755 "$script" "$1/examples/$name/"; fi
        done
    done
    install -m 0755 scripts/examples/*.sh "$1/examples/scripts/"
}
