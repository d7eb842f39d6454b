#pragma once

#include <QList>
#include <QString>

// The console's language: the translations built into the program (":/i18n/tandem_<code>")
// and Qt's own, installed for the language chosen in View › Language or else the system's.
// Changing it at run time sends every widget a QEvent::LanguageChange; the windows that stay
// open retranslate themselves then.
namespace tandem::ui::language {

struct Choice {
    QString code; // "" for the system's language
    QString name; // in that language itself ("Deutsch"), or "System default" translated
};

// The choices View › Language offers, the system's first.
QList<Choice> choices();
// The choice stored in the user's settings ("" when none was made).
QString chosen();
// Installs the translations for `code` ("" for the system's language) in place of any
// installed before, and makes its locale the default for numbers and dates. False when the
// program has no translation for that language (English, or one not shipped): the strings
// then stay as written, with English plural forms ("1 entry", "2 entries").
bool apply(const QString &code);
// Stores the choice and applies it.
void choose(const QString &code);

} // namespace tandem::ui::language
