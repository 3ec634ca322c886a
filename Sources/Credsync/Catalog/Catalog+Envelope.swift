// The encryption envelope itself: algorithm, key bytes, IV, format and decoding.
// Checked by the vector files in vectors/ and the Swift tests that run them; checks live in
// Sources/CredsyncConformance/Checks/Envelope/.
extension Catalog {
    static let envelopeRequirements: [Requirement] = envelopeSealing + envelopeDecoding

    /// The vector runner's tests and the decrypt vectors every covered envelope requirement rests on.
    private static func vectorCovered(defect: String) -> Coverage {
        Coverage(
            checks: [.vectors, .test],
            defect: defect,
            status: .covered,
            tests: ["Tests/CredsyncTests/Vectors/"],
            vectorFiles: ["vectors/envelope_decrypt.json"]
        )
    }

    private static let envelopeSealing: [Requirement] = [
        Requirement(
            "ENV-001",
            .must,
            .envelope,
            [.legacy, .current],
            title: "AES-256-CBC with PKCS#7 padding",
            statement: """
                The cipher is Node's "aes256": AES-256 in CBC mode with PKCS#7 padding, 32-byte key, 16-byte IV, no \
                MAC.
                """,
            sources: [.crypto, .run("getCipherInfo(\"aes256\") is aes-256-cbc")],
            coverage: vectorCovered(defect: "wrong-cipher-mode")
        ),
        Requirement(
            "ENV-002",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Key bytes are the key's latin1 bytes",
            statement: """
                The 32 key bytes are the key string's UTF-16 code units, each cut to its low 8 bits \
                (Buffer.from(key, "latin1")), not its UTF-8 bytes and not a base64 decoding.
                """,
            sources: [.crypto, .run("U+0100 becomes 0x00; \"é\" becomes 0xE9")],
            coverage: vectorCovered(defect: "utf8-key-bytes")
        ),
        Requirement(
            "ENV-003",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Key is exactly 32 characters",
            statement: "A key of any other length (empty, 31, 44) is refused with key-length, never padded or hashed.",
            sources: [.crypto, .cryptoTests, .run("ERR_CRYPTO_INVALID_KEYLEN")],
            coverage: vectorCovered(defect: "lenient-key-length")
        ),
        Requirement(
            "ENV-004",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Fresh random 16-byte IV",
            statement: "Each encryption draws a new 16-byte IV from a secure random source; two seals differ.",
            sources: [.crypto, .cryptoTests],
            coverage: Coverage(
                checks: [.test],
                defect: "constant-iv",
                status: .covered,
                tests: ["Tests/CredsyncTests/Envelope/EnvelopeAuditTests.swift"]
            )
        ),
        Requirement(
            "ENV-005",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Plaintext encoded as UTF-8",
            statement: "The plaintext string is encrypted as its UTF-8 bytes.",
            sources: [.crypto, .cryptoTests],
            coverage: vectorCovered(defect: "latin1-plaintext")
        ),
        Requirement(
            "ENV-006",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Output is hex(iv):hex(ciphertext), lowercase",
            statement: """
                The envelope is 32 lowercase hex digits of IV, one colon, and the ciphertext in lowercase hex, \
                32 × ceil((n + 1) / 16) digits for an n-byte plaintext.
                """,
            sources: [.crypto, .run("empty plaintext gives 32 digits, 16 bytes give 64")],
            coverage: Coverage(
                checks: [.vectors, .test],
                defect: "uppercase-output",
                status: .covered,
                tests: ["Tests/CredsyncTests/Envelope/EnvelopeAuditTests.swift", "Tests/CredsyncTests/Vectors/"],
                vectorFiles: ["vectors/envelope_encrypt.json"]
            )
        ),
    ]

    private static let envelopeDecoding: [Requirement] = [
        Requirement(
            "ENV-007",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Split at the first colon",
            statement: """
                Decoding takes the text before the first ":" as the IV and everything after, further colons \
                included, as the ciphertext; with no ":" the IV is short and decoding fails with invalid-iv.
                """,
            sources: [.crypto],
            coverage: vectorCovered(defect: "split-on-last-colon")
        ),
        Requirement(
            "ENV-008",
            .must,
            .envelope,
            [.legacy, .current],
            title: "IV decoded like Buffer.from(hex)",
            statement: """
                Compatible decoding reads IV hex in either case up to the first non-hex character and drops an odd \
                last digit: fewer than 16 bytes (empty, 31 digits, leading space) fails with invalid-iv, 17 bytes \
                (34 digits) fails, and characters after the first 32 valid digits are ignored.
                """,
            sources: [.crypto, .run("Buffer.from truncates at the first non-hex character")],
            coverage: vectorCovered(defect: "strict-iv-decoding")
        ),
        Requirement(
            "ENV-009",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Ciphertext decoded like decipher.update(hex)",
            statement: """
                Compatible decoding refuses odd-length ciphertext hex (odd-hex-length), reads even-length hex in \
                either case up to the first non-hex character, ignores junk after a complete ciphertext, and fails \
                an empty or partial-block ciphertext with wrong-final-block-length.
                """,
            sources: [.crypto, .run("ERR_INVALID_ARG_VALUE for odd lengths; truncation for even ones")],
            coverage: vectorCovered(defect: "lenient-odd-length")
        ),
        Requirement(
            "ENV-010",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Wrong key detected",
            statement: """
                A ciphertext opened with the wrong key fails with bad-decrypt, or, when the padding happens to be \
                valid (about 1 in 256), yields bytes that fail JSON parsing; valid padding alone proves nothing.
                """,
            sources: [.crypto, .cryptoTests],
            coverage: vectorCovered(defect: "trust-padding")
        ),
        Requirement(
            "ENV-011",
            .must,
            .envelope,
            [.legacy, .current],
            title: "Strict decoding accepts only the canonical form",
            statement: """
                Strict decoding, used to grade senders, refuses uppercase hex, a second colon, whitespace, trailing \
                characters and partial blocks, and requires a UTF-8 plaintext.
                """,
            sources: [.crypto],
            coverage: vectorCovered(defect: "lenient-strict-decoding")
        ),
    ]
}
