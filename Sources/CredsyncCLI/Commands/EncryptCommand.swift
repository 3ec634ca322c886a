import Credsync
import Foundation

/// `credsync encrypt`: plaintext on stdin, envelope on stdout.
struct EncryptCommand: Command {
    let name = "encrypt"
    let summary = "Encrypt standard input into a Cal.com envelope."
    let usage = "credsync encrypt [--iv HEX] [--key-env NAME] [--env-file FILE]"

    var discussion: String {
        """
        Reads the plaintext from standard input, byte for byte (use printf or echo -n to leave out a newline),
        and writes hex(iv):hex(ciphertext) and a newline, exactly as Cal.com's symmetricEncrypt does: AES-256-CBC,
        PKCS#7 padding, the key string's characters taken as latin1 bytes. A fresh random IV is drawn unless --iv
        gives one, which makes the output reproducible.

        The key is never taken from the command line. Exit codes: 0 done; 1 the key is not 32 latin1 characters;
        2 a usage error or a missing key.
        """
    }

    var examples: [String] {
        [
            "# Encrypt a credential document with the key from the environment",
            "printf '%s' '{\"access_token\":\"ya29.example\",\"expiry_date\":1767225600000}' | credsync encrypt",
            "# Reproducible output, with the key from a .env file",
            "printf 'hello' | credsync encrypt --iv 000102030405060708090a0b0c0d0e0f --env-file .env",
        ]
    }

    var options: [Option] {
        [.value("iv", "HEX", help: "Use this IV (32 hex digits) instead of a random one.")] + KeySource.options
    }

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        var iv: [UInt8]?
        if let text = arguments.value("iv") {
            guard let bytes = Hex.decode(text), bytes.count == 16 else {
                throw .usage("--iv needs exactly 32 hex digits (16 bytes)")
            }
            iv = bytes
        }
        let key = try KeySource.key(arguments, on: terminal)
        let plaintext = [UInt8](terminal.readInput())

        do {
            terminal.writeOutput(try Envelope.seal(plaintext, key: key, iv: iv) + "\n")
            return .success
        } catch {
            throw CommandError(.failure, "\(error.code.name): \(error.reason)")
        }
    }
}
