#include "language.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace tandem::ui::language {

namespace {

const QString kSettingsKey = u"language"_s;

// The translators in force. A change of language loads new ones and swaps them in: a
// translator that is installed is never loaded again, because other threads (the engine's:
// Qt's network error texts, the configuration's messages) may be reading it at that moment.
// Installing and removing take the lock QCoreApplication::translate() reads under.
struct Translators {
    std::unique_ptr<QTranslator> qt;
    std::unique_ptr<QTranslator> plurals; // English's "%n" forms ("1 entry"), under every language
    std::unique_ptr<QTranslator> tandem;
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
    Translators next;
    next.qt = std::make_unique<QTranslator>();
    next.plurals = std::make_unique<QTranslator>();
    next.tandem = std::make_unique<QTranslator>();
    // A load that finds nothing leaves the translator empty: the texts stay as written.
    // Qt's own texts (standard buttons, the file dialog) are a bonus where Debian ships them.
    (void)next.qt->load(locale, u"qtbase"_s, u"_"_s,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // The texts in the code are English, but "%n entries" needs its forms from a translation
    // even in English; a language without a translation shows English with them too.
    (void)next.plurals->load(u"tandem_en"_s, u":/i18n"_s);
    const bool found = locale.language() != QLocale::English &&
                       next.tandem->load(locale, u"tandem"_s, u"_"_s, u":/i18n"_s);
    // The last installed is asked first: the language's own, then Qt's, then the plurals.
    // The new ones go in before the old ones leave: a text asked for meanwhile, on any
    // thread, finds it in one language or the other.
    Translators &current = translators();
    for (QTranslator *t : {next.plurals.get(), next.qt.get(), next.tandem.get()})
        QCoreApplication::installTranslator(t);
    for (QTranslator *t : {current.plurals.get(), current.qt.get(), current.tandem.get()}) {
        if (t)
            QCoreApplication::removeTranslator(t);
    }
    current = std::move(next);
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
