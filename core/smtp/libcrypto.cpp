#include "libcrypto.h"

#include "util/dynlib.h"

#include <openssl/opensslv.h>

using namespace Qt::StringLiterals;

namespace tandem::smtp {

const LibCrypto *libCrypto(QString *error)
{
    using dynlib::resolve;
    // The SONAME the headers were built against: libcrypto.so.3 for OpenSSL 3.
    return dynlib::load<LibCrypto>(
        u"crypto"_s, OPENSSL_VERSION_MAJOR, u"libssl%1"_s.arg(OPENSSL_VERSION_MAJOR),
        [](QLibrary &l, LibCrypto &f, QString *why) {
            return resolve(l, "BIO_new", &f.bioNew, why) &&
                   resolve(l, "BIO_s_mem", &f.bioSMem, why) &&
                   resolve(l, "BIO_new_mem_buf", &f.bioNewMemBuf, why) &&
                   resolve(l, "BIO_ctrl", &f.bioCtrl, why) &&
                   resolve(l, "BIO_free", &f.bioFree, why) &&
                   resolve(l, "BIO_free_all", &f.bioFreeAll, why) &&
                   resolve(l, "BN_new", &f.bnNew, why) && resolve(l, "BN_free", &f.bnFree, why) &&
                   resolve(l, "BN_rand", &f.bnRand, why) &&
                   resolve(l, "BN_to_ASN1_INTEGER", &f.bnToAsn1Integer, why) &&
                   resolve(l, "ERR_get_error", &f.errGetError, why) &&
                   resolve(l, "ERR_error_string_n", &f.errErrorStringN, why) &&
                   resolve(l, "ERR_clear_error", &f.errClearError, why) &&
                   resolve(l, "EVP_PKEY_Q_keygen", &f.evpPkeyQKeygen, why) &&
                   resolve(l, "EVP_PKEY_free", &f.evpPkeyFree, why) &&
                   resolve(l, "EVP_sha256", &f.evpSha256, why) &&
                   resolve(l, "PEM_read_bio_X509", &f.pemReadBioX509, why) &&
                   resolve(l, "PEM_read_bio_PrivateKey", &f.pemReadBioPrivateKey, why) &&
                   resolve(l, "PEM_write_bio_X509", &f.pemWriteBioX509, why) &&
                   resolve(l, "PEM_write_bio_PrivateKey", &f.pemWriteBioPrivateKey, why) &&
                   resolve(l, "X509_new", &f.x509New, why) &&
                   resolve(l, "X509_free", &f.x509Free, why) &&
                   resolve(l, "X509_check_private_key", &f.x509CheckPrivateKey, why) &&
                   resolve(l, "X509_set_version", &f.x509SetVersion, why) &&
                   resolve(l, "X509_get_serialNumber", &f.x509GetSerialNumber, why) &&
                   resolve(l, "X509_getm_notBefore", &f.x509GetmNotBefore, why) &&
                   resolve(l, "X509_getm_notAfter", &f.x509GetmNotAfter, why) &&
                   resolve(l, "X509_gmtime_adj", &f.x509GmtimeAdj, why) &&
                   resolve(l, "X509_set_pubkey", &f.x509SetPubkey, why) &&
                   resolve(l, "X509_get_subject_name", &f.x509GetSubjectName, why) &&
                   resolve(l, "X509_set_issuer_name", &f.x509SetIssuerName, why) &&
                   resolve(l, "X509_NAME_add_entry_by_txt", &f.x509NameAddEntryByTxt, why) &&
                   resolve(l, "X509_add_ext", &f.x509AddExt, why) &&
                   resolve(l, "X509_sign", &f.x509Sign, why) &&
                   resolve(l, "X509_EXTENSION_free", &f.x509ExtensionFree, why) &&
                   resolve(l, "X509V3_set_ctx", &f.x509v3SetCtx, why) &&
                   resolve(l, "X509V3_EXT_conf_nid", &f.x509v3ExtConfNid, why);
        },
        error);
}

} // namespace tandem::smtp
