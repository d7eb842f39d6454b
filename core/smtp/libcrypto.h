#pragma once

#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// libcrypto, loaded the first time tandemd checks a key against its certificate or makes a
// self-signed pair, rather than with the program: a daemon without TLS (and with no peer
// offering STARTTLS) never maps it; about 1.8 MiB of tandemd's memory. Qt's TLS backend loads
// the same library when TLS starts. The headers give the types; these are the functions the
// key check and the certificate maker call (OpenSSL's macros spelled out: EVP_RSA_gen is
// EVP_PKEY_Q_keygen, BIO_get_mem_data is BIO_ctrl).
namespace tandem::smtp {

struct LibCrypto {
    decltype(&::BIO_new) bioNew;
    decltype(&::BIO_s_mem) bioSMem;
    decltype(&::BIO_new_mem_buf) bioNewMemBuf;
    decltype(&::BIO_ctrl) bioCtrl;
    decltype(&::BIO_free) bioFree;
    decltype(&::BIO_free_all) bioFreeAll;
    decltype(&::BN_new) bnNew;
    decltype(&::BN_free) bnFree;
    decltype(&::BN_rand) bnRand;
    decltype(&::BN_to_ASN1_INTEGER) bnToAsn1Integer;
    decltype(&::ERR_get_error) errGetError;
    decltype(&::ERR_error_string_n) errErrorStringN;
    decltype(&::ERR_clear_error) errClearError;
    decltype(&::EVP_PKEY_Q_keygen) evpPkeyQKeygen;
    decltype(&::EVP_PKEY_free) evpPkeyFree;
    decltype(&::EVP_sha256) evpSha256;
    decltype(&::PEM_read_bio_X509) pemReadBioX509;
    decltype(&::PEM_read_bio_PrivateKey) pemReadBioPrivateKey;
    decltype(&::PEM_write_bio_X509) pemWriteBioX509;
    decltype(&::PEM_write_bio_PrivateKey) pemWriteBioPrivateKey;
    decltype(&::X509_new) x509New;
    decltype(&::X509_free) x509Free;
    decltype(&::X509_check_private_key) x509CheckPrivateKey;
    decltype(&::X509_set_version) x509SetVersion;
    decltype(&::X509_get_serialNumber) x509GetSerialNumber;
    decltype(&::X509_getm_notBefore) x509GetmNotBefore;
    decltype(&::X509_getm_notAfter) x509GetmNotAfter;
    decltype(&::X509_gmtime_adj) x509GmtimeAdj;
    decltype(&::X509_set_pubkey) x509SetPubkey;
    decltype(&::X509_get_subject_name) x509GetSubjectName;
    decltype(&::X509_set_issuer_name) x509SetIssuerName;
    decltype(&::X509_NAME_add_entry_by_txt) x509NameAddEntryByTxt;
    decltype(&::X509_add_ext) x509AddExt;
    decltype(&::X509_sign) x509Sign;
    decltype(&::X509_EXTENSION_free) x509ExtensionFree;
    decltype(&::X509V3_set_ctx) x509v3SetCtx;
    decltype(&::X509V3_EXT_conf_nid) x509v3ExtConfNid;
};

// Loaded once per process and kept; null with *error (which library, what failed) when it
// cannot be.
const LibCrypto *libCrypto(QString *error);

} // namespace tandem::smtp
