#include "mime7bit.h"

#include "mime/mime.h"

namespace tandem::delivery {

std::optional<QByteArray> downgradeTo7bit(const QByteArray &message, QString *why, bool *loadError)
{
    const mime::Api *mime = mime::api(why);
    if (loadError)
        *loadError = !mime;
    return mime ? mime->downgradeTo7bit(message, why) : std::nullopt;
}

} // namespace tandem::delivery
