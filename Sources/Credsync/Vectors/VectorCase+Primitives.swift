internal import CredsyncOpenSSL

// MARK: - AES-256-CBC and key-check values

extension VectorCase {
    static func run(_ group: AESVectorGroup, _ test: AESVectorGroup.Test, _ check: inout VectorCheck) {
        guard let key = Hex.decode(test.key), let iv = Hex.decode(test.iv), let message = Hex.decode(test.msg),
            let ciphertext = Hex.decode(test.ct)
        else {
            check.fail("key, iv, msg or ct is not hex")
            return
        }
        let padded = group.padding == .pkcs7

        if group.direction != .decrypt {
            let observed: String
            do {
                let output = try AES256CBC.encrypt(message, key: key, iv: iv)
                // CBC with PKCS#7 over whole blocks gives the raw blocks, then one block of padding.
                observed = Hex.encode(padded ? output : Array(output.prefix(message.count)))
            } catch {
                observed = "error \(error.code)"
            }
            check.compare("encrypt", expected: test.ct, observed: observed)
        }

        if group.direction != .encrypt {
            let observed: String
            do {
                observed = Hex.encode(try AES256CBC.decrypt(ciphertext, key: key, iv: iv, padding: padded))
            } catch {
                observed = "error \(error.code)"
            }
            check.compare("decrypt", expected: test.msg, observed: observed)
        }
    }

    static func run(_ test: KeyCheckValueVectorGroup.Test, _ check: inout VectorCheck) {
        let value: KeyCheckValue
        switch test.input {
        case .bytes:
            guard let hex = test.bytesHex, let bytes = Hex.decode(hex) else {
                check.fail("input bytes needs bytesHex in hex")
                return
            }
            value = KeyCheckValue(bytes: bytes)
        case .secret:
            guard let secret = test.secret else {
                check.fail("input secret needs secret")
                return
            }
            value = KeyCheckValue(secret: secret)
        case .envelopeKey:
            guard let string = test.key else {
                check.fail("input envelopeKey needs key")
                return
            }
            do {
                value = try EnvelopeKey(string).keyCheckValue
            } catch {
                check.fail("the envelope key is refused: \(error.code)")
                return
            }
        }

        // An invalid vector lists a value a faulty implementation would give: it must not match.
        if test.result == .invalid {
            let wanted = "not \(test.kcv)"
            check.compare("kcv", expected: wanted, observed: value.description == test.kcv ? test.kcv : wanted)
        } else {
            check.compare("kcv", expected: test.kcv, observed: value.description)
        }
    }
}
