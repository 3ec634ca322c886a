/// `credsync requirements`: the requirement catalog.
struct RequirementsCommand: Command {
    let name = "requirements"
    let summary = "List the numbered requirements."
    let usage = "credsync requirements [--side S] [--level L] [--json]"
}
