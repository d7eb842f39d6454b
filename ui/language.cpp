#include "language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace tandem::ui::language {

namespace {

const QString kSettingsKey = u"language"_s;

// Installed once and for all, and loaded again for each language: so a change of language is
// one QEvent::LanguageChange, sent below, rather than one per translator removed and added.
struct Translators {
    QTranslator qt;
    QTranslator plurals; // English's "%n" forms ("1 entry"), under every language
    QTranslator tandem;
    bool installed = false;
};

Translators &translators()
{
    static Translators t;
    return t;
}

} // namespace

QList<Choice> choices()
{
    return {{QString(), QCoreApplication::translate("tandem::ui::MainWindow", "System default")},
            {u"en"_s, u"English"_s},
            {u"de"_s, u"Deutsch"_s},
            {u"fr"_s, u"Français"_s}};
}

QString chosen()
{
    return QSettings().value(kSettingsKey).toString();
}

bool apply(const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    Translators &t = translators();
    // A load that finds nothing leaves the translator empty: the texts stay as written.
    // Qt's own texts (standard buttons, the file dialog) are a bonus where Debian ships them.
    (void)t.qt.load(locale, u"qtbase"_s, u"_"_s,
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // The texts in the code are English, but "%n entries" needs its forms from a translation
    // even in English; a language without a translation shows English with them too.
    (void)t.plurals.load(u"tandem_en"_s, u":/i18n"_s);
    const bool found = locale.language() != QLocale::English &&
                       t.tandem.load(locale, u"tandem"_s, u"_"_s, u":/i18n"_s);
    if (!found)
        (void)t.tandem.load(QString()); // empty: the plurals below answer
    if (!t.installed) {
        QCoreApplication::installTranslator(&t.plurals);
        QCoreApplication::installTranslator(&t.qt);
        QCoreApplication::installTranslator(&t.tandem);
        t.installed = true;
    }
    // The application passes it on to every window.
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    return found;
}

void choose(const QString &code)
{
    QSettings().setValue(kSettingsKey, code);
    apply(code);
}

} // namespace tandem::ui::language
