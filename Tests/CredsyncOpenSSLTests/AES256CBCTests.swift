import CredsyncOpenSSL
import Testing

@Suite("AES-256-CBC")
struct AES256CBCTests {
    @Test("round trip of every length up to three blocks")
    func roundTrip() throws {
        let key = [UInt8](repeating: 7, count: 32)
        let iv = [UInt8](repeating: 9, count: 16)
        for length in 0...48 {
            let plaintext = [UInt8](repeating: UInt8(length), count: length)
            let ciphertext = try AES256CBC.encrypt(plaintext, key: key, iv: iv)
            #expect(ciphertext.count == 16 * (length / 16 + 1))
            #expect(try AES256CBC.decrypt(ciphertext, key: key, iv: iv) == plaintext)
        }
    }
}
