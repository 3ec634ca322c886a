import Credsync
import Foundation

/// `credsync bench envelope`: seal-and-open round trips per second, next to Node's crypto doing the same.
struct EnvelopeBenchCommand: Command {
    let name = "envelope"
    let summary = "Envelope round trips (seal + open) per second, next to Node's crypto."
    let usage = "credsync bench envelope [--seconds N]"

    var discussion: String {
        """
        Seals a 300-byte Google Calendar credential document with a fresh random IV and opens it again, on one
        thread, for the given time; then has Node do the same work the way Cal.com does it
        (crypto.createCipheriv("aes256", Buffer.from(key, "latin1"), iv), hex, split on ':',
        createDecipheriv). Prints both rates and their ratio. Without node on the PATH, prints credsync's rate
        alone and says so.
        """
    }

    var examples: [String] {
        ["# Two seconds for each side", "credsync bench envelope --seconds 2"]
    }

    var options: [Option] {
        [.value("seconds", "N", help: "How long to run each side (default 2, at most 60).")]
    }

    /// The benchmark's credential document: 300 bytes of realistic Google Calendar token JSON.
    static let plaintext: String = {
        var document =
            #"{"access_token":"ya29.credsync-canary-a0AfB_byC1d2E3f4G5h6I7j8K9l0M1n2O3p4Q5r6S7t8U9v0W","#
            + #""refresh_token":"1//credsync-canary-0gXyZ1a2B3c4D5e6F7g8H9i0J","#
            + #""scope":"https://www.googleapis.com/auth/calendar","token_type":"Bearer","#
            + #""expiry_date":1767225600000,"pad":""#
        document += String(repeating: "x", count: max(0, 298 - document.utf8.count)) + #""}"#
        return document
    }()

    /// A fixed benchmark key; it protects nothing.
    static let keyString = "credsync-benchmark-key-32-chars!"

    func run(_ arguments: ParsedArguments, on terminal: Terminal) async throws(CommandError) -> ExitCode {
        let seconds = Double(arguments.value("seconds") ?? "2") ?? -1
        guard seconds > 0, seconds <= 60 else {
            throw .usage("--seconds takes a number of seconds from 0 to 60")
        }

        let key: EnvelopeKey
        do {
            key = try EnvelopeKey(Self.keyString)
        } catch {
            throw CommandError(.failure, error.description)
        }
        let swiftRate = try measureSwift(key: key, seconds: seconds)
        let size = Self.plaintext.utf8.count

        terminal.writeOutput(
            "credsync bench envelope: seal + open of a \(size)-byte credential, \(format(seconds)) s a side, one thread\n"
        )
        terminal.writeOutput("  credsync  \(format(rate: swiftRate))\n")

        let nodeArguments = [Self.keyString, Self.plaintext, "\(seconds)"]
        switch await NodeReference.run(script: Self.nodeScript, arguments: nodeArguments) {
        case .success(let output):
            guard let nodeRate = Double(output.rate), nodeRate > 0 else {
                throw CommandError(.failure, "node printed no rate: \(output.rate)")
            }
            terminal.writeOutput("  node      \(format(rate: nodeRate))  (\(output.version), crypto \"aes256\")\n")
            terminal.writeOutput("  ratio     \(String(format: "%.2f", swiftRate / nodeRate))× node\n")
        case .failure(let reason):
            terminal.writeOutput("  node      not measured: \(reason)\n")
        }
        return .success
    }

    private func measureSwift(key: EnvelopeKey, seconds: Double) throws(CommandError) -> Double {
        let plaintext = Array(Self.plaintext.utf8)
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1000))
        let start = clock.now
        var count = 0

        do {
            while clock.now < deadline {
                for _ in 0..<64 {
                    let envelope = try Envelope.seal(plaintext, key: key)
                    let opened = try Envelope.open(envelope, key: key)
                    guard opened.count == plaintext.count else {
                        throw CommandError(.failure, "a round trip lost bytes")
                    }
                }
                count += 64
            }
        } catch let error as EnvelopeError {
            throw CommandError(.failure, error.description)
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError(.failure, "\(error)")
        }
        let elapsed = start.duration(to: clock.now)
        return Double(count) / elapsed.inSeconds
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private func format(rate: Double) -> String {
        let grouped = Int(rate).formatted(.number.grouping(.automatic))
        return grouped.padded(to: 10) + "round trips/s  (" + String(format: "%.2f", 1e6 / rate) + " µs each)"
    }

    /// Node doing what Cal.com's symmetricEncrypt and symmetricDecrypt do, for the same time.
    static let nodeScript = """
        const crypto = require("crypto");
        const [keyText, plaintext, seconds] = process.argv.slice(1);
        const key = Buffer.from(keyText, "latin1");
        const seal = (text) => {
          const iv = crypto.randomBytes(16);
          const cipher = crypto.createCipheriv("aes256", key, iv);
          let out = cipher.update(text, "utf8", "hex");
          out += cipher.final("hex");
          return iv.toString("hex") + ":" + out;
        };
        const open = (text) => {
          const parts = text.split(":");
          const iv = Buffer.from(parts.shift() || "", "hex");
          const decipher = crypto.createDecipheriv("aes256", key, iv);
          let out = decipher.update(parts.join(":"), "hex", "utf8");
          out += decipher.final("utf8");
          return out;
        };
        if (open(seal(plaintext)) !== plaintext) throw new Error("round trip failed");
        const end = process.hrtime.bigint() + BigInt(Math.round(Number(seconds) * 1e9));
        const start = process.hrtime.bigint();
        let count = 0;
        while (process.hrtime.bigint() < end) {
          for (let i = 0; i < 64; i++) open(seal(plaintext));
          count += 64;
        }
        const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
        console.log(JSON.stringify({ rate: String(count / elapsed), version: "Node " + process.version }));
        """
}
