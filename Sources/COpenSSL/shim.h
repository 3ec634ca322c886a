#ifndef CREDSYNC_COPENSSL_SHIM_H
#define CREDSYNC_COPENSSL_SHIM_H

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// Function-like macros are invisible to Swift; these inline wrappers expose the few the wrapper needs.

static inline int credsync_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline int credsync_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int credsync_ERR_GET_REASON(unsigned long error) {
    return ERR_GET_REASON(error);
}

static inline long credsync_SSL_set_mode(SSL *ssl, long mode) {
    return SSL_set_mode(ssl, mode);
}

static inline long credsync_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline int credsync_ERR_GET_LIB(unsigned long error) {
    return ERR_GET_LIB(error);
}

#endif
