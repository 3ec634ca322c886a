import Credsync
import Foundation

/// `credsync kcv`: fingerprints of the key and secrets, safe to compare between two hosts.
struct KeyCheckValueCommand: Command {
    let name = "kcv"
    let summary = "Print key-check values of the key and secrets, to compare two sides without showing them."
    let usage = "credsync kcv [--env-file FILE] [--key-env NAME] [--secret-env NAME] [--stdin key|secret]"

    var discussion: String {
        """
        A key-check value is the first 6 bytes of HMAC-SHA256 under the key or secret over a fixed label, written
        kcv:<12 hex digits>. The same value on both hosts means the same bytes; the value itself reveals nothing
        useful about a strong secret. The key is fingerprinted as Cal.com uses it (its characters as latin1
        bytes), secrets as their UTF-8 bytes, as they travel in a header.

        Without --stdin, prints a line for each of these variables that is set: the key variable, both editions'
        secret variables, and any named with --secret-env. With --stdin, fingerprints the value read from
        standard input (one trailing newline removed) as a key or as a secret.

        Exit codes: 0 printed; 1 the key is not 32 latin1 characters (its line says why); 2 nothing to print or a
        usage error.
        """
    }

    var examples: [String] {
        [
            "# On the Cal.com host and on the platform host; compare the lines",
            "credsync kcv --env-file /srv/calcom/.env",
            "# A value from a secret manager, without putting it in the environment",
            "vault read -field=key secret/calcom | credsync kcv --stdin key",
        ]
    }

    var options: [Option] {
        KeySource.options + [
            .value("secret-env", "NAME", help: "Also fingerprint this variable as a secret.", repeatable: true),
            .value("stdin", "key|secret", help: "Fingerprint the value on standard input instead."),
        ]
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        if let kind = arguments.value("stdin") {
            var value = String(decoding: terminal.readInput(), as: UTF8.self)
            if value.hasSuffix("\n") {
                value.removeLast()
            }
            switch kind {
            case "key":
                terminal.writeOutput(try keyLine(name: "stdin", value: value) + "\n")
            case "secret":
                terminal.writeOutput("stdin  \(KeyCheckValue(secret: value))\n")
            default:
                throw .usage("--stdin takes 'key' or 'secret', not '\(kind)'")
            }
            return .success
        }

        let variables = try Variables.load(arguments, on: terminal)
        let keyName = arguments.value("key-env") ?? Edition.keyVariable
        let secretNames = Edition.allCases.map(\.secretVariable) + arguments.allValues("secret-env")
        var lines: [(String, String)] = []
        var exitCode = ExitCode.success

        if let value = variables.values[keyName] {
            do {
                lines.append((keyName, try keyLine(name: nil, value: value)))
            } catch {
                lines.append((keyName, "invalid: \(error.message)"))
                exitCode = .failure
            }
        }
        for name in secretNames where variables.values[name] != nil {
            lines.append((name, KeyCheckValue(secret: variables.values[name] ?? "").description))
        }
        guard !lines.isEmpty else {
            throw CommandError(
                .usage,
                "none of \(([keyName] + secretNames).joined(separator: ", ")) is set in \(variables.origin)"
            )
        }

        let width = (lines.map(\.0.count).max() ?? 0) + 2
        for (name, text) in lines {
            terminal.writeOutput(name.padded(to: width) + text + "\n")
        }
        return exitCode
    }

    private func keyLine(name: String?, value: String) throws(CommandError) -> String {
        let key: EnvelopeKey
        do {
            key = try EnvelopeKey(value)
        } catch {
            throw CommandError(.failure, "\(error.code.name): \(error.reason)")
        }
        let note = key.hasCharactersAboveLatin1 ? " (holds characters above U+00FF, cut to their low byte)" : ""
        return (name.map { $0 + "  " } ?? "") + key.keyCheckValue.description + note
    }
}
