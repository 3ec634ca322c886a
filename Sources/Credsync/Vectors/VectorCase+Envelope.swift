// MARK: - Envelope encryption, decryption and keys

extension VectorCase {
    static func run(
        _ group: EnvelopeEncryptVectorGroup,
        _ test: EnvelopeEncryptVectorGroup.Test,
        _ check: inout VectorCheck
    ) {
        guard let key = makeKey(group.key, keyHex: group.keyHex, &check) else {
            return
        }
        guard let iv = Hex.decode(test.iv) else {
            check.fail("iv is not hex")
            return
        }
        check.compare("plaintextHex", expected: test.plaintextHex, observed: Hex.encode(test.plaintext.utf8))

        do {
            check.compare(
                "envelope",
                expected: test.envelope,
                observed: try Envelope.seal(test.plaintext, key: key, iv: iv)
            )
        } catch {
            check.compare("envelope", expected: test.envelope, observed: "error \(error.code)")
        }

        let reopened = try? Envelope.openText(test.envelope, key: key, decoding: .strict)
        check.compareHidden("strict round trip", expected: test.plaintext, observed: reopened)
    }

    static func run(
        _ group: EnvelopeDecryptVectorGroup,
        _ test: EnvelopeDecryptVectorGroup.Test,
        _ check: inout VectorCheck
    ) {
        guard let key = makeKey(group.key, keyHex: group.keyHex, &check) else {
            return
        }

        for (decoding, verdict) in [(EnvelopeDecoding.strict, test.strict), (.compatible, test.compatible)] {
            let mode = decoding.rawValue
            let text = outcome { () throws(EnvelopeError) in
                try Envelope.openText(test.envelope, key: key, decoding: decoding)
            }
            check.compare(mode, expected: verdict.description, observed: text.description)
            if verdict.result == .valid, let plaintext = test.plaintext {
                check.compareHidden("\(mode) plaintext", expected: plaintext, observed: text.value)
            }

            // The bytes under the padding, whenever the padding is valid.
            if let plaintextHex = test.plaintextHex, verdict.result == .valid || verdict.error == .plaintextNotUTF8 {
                let bytes = try? Envelope.open(test.envelope, key: key, decoding: decoding)
                check.compareHidden(
                    "\(mode) plaintext bytes",
                    expected: plaintextHex,
                    observed: bytes.map { Hex.encode($0) }
                )
            }
        }

        guard let json = test.json else {
            return
        }
        for (decoding, verdict) in [(EnvelopeDecoding.strict, json.strict), (.compatible, json.compatible)] {
            let mode = "json \(decoding.rawValue)"
            let parsed = outcome { () throws(EnvelopeError) in
                try Envelope.openJSON(test.envelope, key: key, decoding: decoding)
            }
            check.compare(mode, expected: verdict.description, observed: parsed.description)
            if verdict.result == .valid, let serialized = json.serialized {
                check.compareHidden("\(mode) value", expected: serialized, observed: parsed.value?.serialized)
            }
        }
    }

    static func run(_ test: EnvelopeKeyVectorGroup.Test, _ check: inout VectorCheck) {
        check.compare("length", expected: String(test.length), observed: String(test.key.utf16.count))
        if let utf8Hex = test.utf8Hex {
            check.compareHidden("UTF-8 bytes", expected: utf8Hex, observed: Hex.encode(test.key.utf8))
        }

        let key: EnvelopeKey
        do {
            key = try EnvelopeKey(test.key)
        } catch {
            let wanted = test.result == .invalid ? (test.error?.name ?? "an error") : "a key"
            check.compare("key", expected: wanted, observed: error.code.name)
            return
        }
        guard test.result != .invalid else {
            check.compare("key", expected: test.error?.name ?? "an error", observed: "a key \(key.keyCheckValue)")
            return
        }

        // Key bytes are compared through their key-check values, which are safe to show.
        let expectedBytes = test.keyHex.flatMap { Hex.decode($0) } ?? []
        check.compare("key", expected: "\(KeyCheckValue(bytes: expectedBytes))", observed: "\(key.keyCheckValue)")
        if let kcv = test.kcv {
            check.compare("kcv", expected: kcv, observed: key.keyCheckValue.description)
        }
        check.compare(
            "truncated characters",
            expected: String(test.result == .acceptable),
            observed: String(key.hasCharactersAboveLatin1)
        )

        guard let envelope = test.envelope else {
            check.fail("a usable key needs an envelope check")
            return
        }
        guard let iv = Hex.decode(envelope.iv) else {
            check.fail("envelope.iv is not hex")
            return
        }
        do {
            check.compare(
                "envelope",
                expected: envelope.envelope,
                observed: try Envelope.seal(envelope.plaintext, key: key, iv: iv)
            )
        } catch {
            check.compare("envelope", expected: envelope.envelope, observed: "error \(error.code)")
        }
    }

    // MARK: - Helpers

    private static func makeKey(_ string: String, keyHex: String, _ check: inout VectorCheck) -> EnvelopeKey? {
        do {
            let key = try EnvelopeKey(string)
            let expected = Hex.decode(keyHex).map { KeyCheckValue(bytes: $0).description } ?? "keyHex in hex"
            check.compare("group key", expected: expected, observed: key.keyCheckValue.description)
            return key
        } catch {
            check.fail("the group's key is refused: \(error.code)")
            return nil
        }
    }

    private static func outcome<Value>(_ body: () throws(EnvelopeError) -> Value) -> Outcome<Value> {
        do {
            return Outcome(value: try body(), error: nil)
        } catch {
            return Outcome(value: nil, error: error)
        }
    }

    private struct Outcome<Value>: CustomStringConvertible {
        let value: Value?
        let error: EnvelopeError?

        var description: String {
            error.map { "invalid (\($0.code.name))" } ?? "valid"
        }
    }
}
