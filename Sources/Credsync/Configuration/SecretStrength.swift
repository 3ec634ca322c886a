import Foundation

/// What credsync measures about a shared secret, without keeping or showing it.
///
/// The measures are heuristics on the text alone: its length in characters; the character classes it uses
/// (lowercase, uppercase, digits, other printable ASCII); an entropy estimate, the Shannon entropy of its own
/// character frequencies times its length, which is about 6 bits a character for base64 from `openssl rand` and
/// near 0 for one repeated character; and whether it repeats a shorter pattern. They catch placeholders, repeated
/// words and keyboard runs; they cannot tell a random string from a long passphrase someone else knows.
public struct SecretStrength: Sendable, Hashable {
    /// Below this many estimated bits a secret of full length is reported as guessable. `openssl rand -hex 16`
    /// (128 random bits, 32 hex characters) measures about 115; its lowest of 20,000 draws measured 92.
    public static let minimumEstimatedBits = 80.0

    /// The length in characters.
    public let length: Int

    /// How many lowercase ASCII letters it holds.
    public let lowercase: Int

    /// How many uppercase ASCII letters it holds.
    public let uppercase: Int

    /// How many ASCII digits it holds.
    public let digits: Int

    /// How many other printable ASCII characters (symbols and spaces) it holds.
    public let symbols: Int

    /// How many control characters it holds (C0 other than tab, and DEL): HTTP refuses them in a header value.
    public let controlCharacters: Int

    /// How many characters outside ASCII it holds.
    public let nonASCIICharacters: Int

    /// How many different characters it holds.
    public let distinctCharacters: Int

    /// The entropy estimate in bits: the Shannon entropy of the secret's own character frequencies times its
    /// length.
    public let estimatedBits: Double

    /// The length of the shortest pattern the secret repeats, when it is a shorter text repeated (`abcabcabc`
    /// gives 3), else `nil`.
    public let repeatedPeriod: Int?

    /// Measures a secret.
    ///
    /// - Parameter secret: The secret; it is not kept.
    public init(_ secret: String) {
        let characters = Array(secret)
        var lowercase = 0
        var uppercase = 0
        var digits = 0
        var symbols = 0
        var controls = 0
        var nonASCII = 0
        var counts: [Character: Int] = [:]
        for character in characters {
            counts[character, default: 0] += 1
            guard let ascii = character.asciiValue else {
                nonASCII += 1
                continue
            }
            switch ascii {
            case 0x61...0x7A: lowercase += 1
            case 0x41...0x5A: uppercase += 1
            case 0x30...0x39: digits += 1
            case 0x09, 0x20...0x7E: symbols += 1
            default: controls += 1
            }
        }
        length = characters.count
        self.lowercase = lowercase
        self.uppercase = uppercase
        self.digits = digits
        self.symbols = symbols
        controlCharacters = controls
        nonASCIICharacters = nonASCII
        distinctCharacters = counts.count

        let total = Double(characters.count)
        var bitsPerCharacter = 0.0
        for count in counts.values {
            let share = Double(count) / total
            bitsPerCharacter -= share * log2(share)
        }
        estimatedBits = bitsPerCharacter * total

        var period: Int?
        if characters.count > 1 {
            for candidate in 1...(characters.count / 2) where characters.count % candidate == 0 {
                if (candidate..<characters.count).allSatisfy({ characters[$0] == characters[$0 - candidate] }) {
                    period = candidate
                    break
                }
            }
        }
        repeatedPeriod = period
    }

    /// The character classes used, such as `lowercase+digits+symbols`.
    public var classes: String {
        let named = [
            (lowercase, "lowercase"), (uppercase, "uppercase"), (digits, "digits"), (symbols, "symbols"),
            (controlCharacters, "control"), (nonASCIICharacters, "non-ASCII"),
        ]
        let used = named.filter { $0.0 > 0 }.map(\.1)
        return used.isEmpty ? "none" : used.joined(separator: "+")
    }

    /// One line safe to show: length, classes, distinct characters and the estimate.
    public var summary: String {
        "\(length) characters, \(classes), \(distinctCharacters) distinct, about \(Int(estimatedBits.rounded()))"
            + " bits estimated"
    }

    /// Why a secret of full length is still guessable, or `nil` when nothing stands out.
    public var weakness: String? {
        if let repeatedPeriod {
            return "repeats a \(repeatedPeriod)-character pattern"
        }
        if estimatedBits < Self.minimumEstimatedBits {
            return "has about \(Int(estimatedBits.rounded())) bits by its character frequencies, under"
                + " \(Int(Self.minimumEstimatedBits)); random output such as `openssl rand -base64 32` has about 200"
        }
        return nil
    }
}
