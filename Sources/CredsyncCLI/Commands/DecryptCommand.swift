import Credsync
import Foundation

/// `credsync decrypt`: envelope on stdin, plaintext on stdout.
struct DecryptCommand: Command {
    let name = "decrypt"
    let summary = "Decrypt an envelope from standard input."
    let usage = "credsync decrypt [--compat] [--exact] [--key-env NAME] [--env-file FILE]"

    var discussion: String {
        """
        Reads an envelope from standard input and writes its plaintext to standard output. One trailing newline
        (from echo or a file) is removed first unless --exact is given.

        Decoding is strict by default, as for grading a sender: exactly one ':', 32 lowercase hex digits of IV,
        lowercase hex ciphertext whose length is a positive multiple of 32, and a UTF-8 plaintext. --compat
        accepts and rejects exactly what Cal.com does on Node: uppercase hex, an IV cut at its first non-hex
        character, junk after a complete ciphertext when the ciphertext text has an even length.

        Exit codes: 0 decrypted; 1 the envelope or key is invalid, with one line naming the error (invalid-iv,
        odd-hex-length, wrong-final-block-length, bad-decrypt, plaintext-not-utf8, …); 2 a usage error or a
        missing key.
        """
    }

    var examples: [String] {
        [
            "# Decrypt what a platform pushed, as Cal.com would",
            "printf '%s' \"$KEYS\" | credsync decrypt --compat",
            "# Grade an envelope strictly, with the key in another variable",
            "credsync decrypt --key-env PLATFORM_CALCOM_KEY < envelope.txt",
        ]
    }

    var options: [Option] {
        [
            .flag("compat", help: "Decode exactly as Cal.com does on Node instead of strictly."),
            .flag("exact", help: "Keep a trailing newline in the input."),
        ] + KeySource.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let key = try KeySource.key(arguments, on: terminal)
        var text = String(decoding: terminal.readInput(), as: UTF8.self)
        if !arguments.flag("exact") {
            if text.hasSuffix("\r\n") {
                text.removeLast(1)
            } else if text.hasSuffix("\n") {
                text.removeLast()
            }
        }
        let decoding: EnvelopeDecoding = arguments.flag("compat") ? .compatible : .strict

        do {
            terminal.writeOutput(try Envelope.openText(text, key: key, decoding: decoding))
            return .success
        } catch {
            throw CommandError(.failure, "\(error.code.name): \(error.reason)")
        }
    }
}
