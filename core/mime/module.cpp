// libtandem-mime.so's one export (mime.h): the table of its functions, for the engine that
// loads it. Built into the engine instead with TANDEM_MIME_MODULE=OFF.
#include "gmime.h"
#include "mime.h"

extern "C" Q_DECL_EXPORT const tandem::mime::Api *tandem_mime_api(int version)
{
    static const tandem::mime::Api api{tandem::mime::kApiVersion, &tandem::mime::gmime::decodeText,
                                       &tandem::mime::gmime::downgradeTo7bit,
                                       &tandem::mime::gmime::extractMessage};
    return version == tandem::mime::kApiVersion ? &api : nullptr;
}
