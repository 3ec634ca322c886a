internal import COpenSSL
import Glibc

/// A self-signed certificate and its private key, made in memory for tests and stand-in servers.
///
/// The key is ECDSA P-256, the signature SHA-256. The certificate is its own issuer, so its PEM file doubles as the CA
/// file a client trusts to accept it.
public struct TLSTestCertificate: Sendable, Hashable {
    /// The certificate, PEM-encoded.
    public let certificatePEM: String

    /// The unencrypted PKCS#8 private key, PEM-encoded.
    public let privateKeyPEM: String

    /// Makes a new key and a self-signed certificate for it.
    ///
    /// - Parameters:
    ///   - commonName: The subject's and issuer's CN.
    ///   - subjectAltNames: DNS names and IP literals (IPv4 or IPv6, without brackets) the certificate is valid for.
    ///   - validDays: How long the certificate is valid from one hour ago.
    /// - Returns: The certificate and key.
    /// - Throws: ``OpenSSLError`` with code `certificate`.
    public static func generate(
        commonName: String,
        subjectAltNames: [String],
        validDays: Int = 7
    ) throws(OpenSSLError) -> TLSTestCertificate {
        let key = try makeKey()

        guard let certificate = X509_new() else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        defer { X509_free(certificate) }

        guard X509_set_version(certificate, 2) == 1,
            ASN1_INTEGER_set(X509_get_serialNumber(certificate), Int(try SecureRandom.bytes(count: 4)[0]) + 1) == 1,
            X509_gmtime_adj(X509_getm_notBefore(certificate), -3600) != nil,
            X509_gmtime_adj(X509_getm_notAfter(certificate), validDays * 86_400) != nil,
            X509_set_pubkey(certificate, key.pointer) == 1
        else {
            throw OpenSSLError.fromQueue(.certificate)
        }

        guard let name = X509_get_subject_name(certificate),
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, commonName, -1, -1, 0) == 1,
            X509_set_issuer_name(certificate, name) == 1
        else {
            throw OpenSSLError.fromQueue(.certificate)
        }

        try addExtension(NID_basic_constraints, "critical,CA:TRUE", to: certificate)
        try addExtension(NID_key_usage, "critical,digitalSignature,keyCertSign", to: certificate)
        if !subjectAltNames.isEmpty {
            let names = subjectAltNames.map { TLSConnection.isIPAddress($0) ? "IP:\($0)" : "DNS:\($0)" }
            try addExtension(NID_subject_alt_name, names.joined(separator: ","), to: certificate)
        }

        guard X509_sign(certificate, key.pointer, EVP_sha256()) > 0 else {
            throw OpenSSLError.fromQueue(.certificate)
        }

        let certificatePEM = try pem { bio in PEM_write_bio_X509(bio, certificate) }
        let privateKeyPEM = try pem { bio in PEM_write_bio_PrivateKey(bio, key.pointer, nil, nil, 0, nil, nil) }
        return TLSTestCertificate(certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM)
    }

    private init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    private static func makeKey() throws(OpenSSLError) -> OwnedKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        defer { EVP_PKEY_CTX_free(context) }

        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
            EVP_PKEY_CTX_set_group_name(context, "P-256") == 1,
            EVP_PKEY_generate(context, &key) == 1,
            let key
        else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        return OwnedKey(pointer: key)
    }

    private static func addExtension(_ nid: Int32, _ value: String, to certificate: OpaquePointer) throws(OpenSSLError)
    {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, certificate, certificate, nil, nil, 0)
        guard let extensionPointer = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        defer { X509_EXTENSION_free(extensionPointer) }

        guard X509_add_ext(certificate, extensionPointer, -1) == 1 else {
            throw OpenSSLError.fromQueue(.certificate)
        }
    }

    private static func pem(_ write: (OpaquePointer) -> Int32) throws(OpenSSLError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        defer { BIO_free(bio) }

        guard write(bio) == 1 else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        let length = Int(BIO_ctrl_pending(bio))
        var bytes = [UInt8](repeating: 0, count: length)
        guard BIO_read(bio, &bytes, Int32(length)) == Int32(length) else {
            throw OpenSSLError.fromQueue(.certificate)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Owns one `EVP_PKEY` and frees it when released.
private final class OwnedKey {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }
}
