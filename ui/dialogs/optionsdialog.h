#pragma once

#include "config/settings.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QRegularExpression>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QSpinBox;
class QLabel;
class QPushButton;
class QLayout;
class QLineEdit;

// What the Options dialogs share: they edit a copy of the settings, and on OK write their
// widgets into it and run the configuration file's own validator over the result, so the
// dialogs refuse exactly what tandemd --check would. Each problem is shown in red next to
// the field it belongs to (a QLabel named "<field>Error"), and OK keeps the dialog open.
namespace tandem::ui {

// True when an option of PRODUCT.md §1's role table differs between a and b.
bool roleOptionsDiffer(const config::Settings &a, const config::Settings &b);

class OptionsDialog : public QDialog {
    Q_OBJECT
public:
    // The edited settings, valid, once the dialog was accepted; the original before that.
    config::Settings settings() const { return m_settings; }
    void accept() override;

protected:
    OptionsDialog(const config::Settings &settings, QWidget *parent);

    const config::Settings &original() const { return m_original; }
    // Writes the widgets into s. A value the structure cannot hold (a port of 70000) is
    // reported with refuse() instead.
    virtual void apply(config::Settings &s) = 0;
    // Runs once s is valid; closes the dialog unless it has more to do (the keychain).
    virtual void commit(config::Settings &s);

    // A spin box for a whole number of days, hours or megabytes; specialValueText names
    // the minimum ("Never", "No cap") when it has a meaning of its own.
    static QSpinBox *spinBox(const QString &objectName, int min, int max, const QString &suffix,
                             int value, const QString &specialValueText = {});
    // The same with a suffix that follows the number (" day", " days"): suffix(n) names it.
    using Suffix = std::function<QString(int)>;
    static QSpinBox *spinBox(const QString &objectName, int min, int max, const Suffix &suffix,
                             int value, const QString &specialValueText = {});

    // What an option does: a line in its tooltip, and the whole of it as What's This
    // (Shift+F1 on the field, or the title bar's "?" where the window manager shows one).
    static void explain(QWidget *option, const QString &toolTip, const QString &whatsThis);

    // A button inside the dialog's body: named, and never the default (Enter means OK).
    static QPushButton *button(const QString &text, const QString &objectName);

    // Body first, then the general error line and OK/Cancel, in that tab order.
    void setBody(QLayout *body);
    // A body of tabs (a QTabWidget named "tabs"): each page with its title, in order.
    void setTabs(const QList<QPair<QWidget *, QString>> &pages);
    QDialogButtonBox *buttonBox() const { return m_buttons; }

    // The red "<field>Error" label of field; the caller places it (under the field).
    QLabel *errorLabel(QWidget *field);
    // field with its error label under it, for a form row.
    QWidget *withError(QWidget *field);
    // Validator errors whose key path matches pattern (anchored) go to field's label;
    // describe, if given, turns the match and the message into the text shown.
    using Describe = std::function<QString(const QRegularExpressionMatch &, const QString &)>;
    void routeErrors(const QString &pattern, QWidget *field, Describe describe = {});
    void refuse(QWidget *field, const QString &reason);
    void showError(QWidget *field, const QString &reason);
    void clearError(QWidget *field);
    void clearErrors();

    static QLineEdit *portEdit(const QString &name, quint16 value);
    std::optional<quint16> readPort(QLineEdit *edit);

private:
    struct Route {
        QRegularExpression pattern;
        QWidget *field;
        Describe describe;
    };
    void revealFirstError();

    config::Settings m_original;
    config::Settings m_settings;
    QHash<QWidget *, QLabel *> m_errorLabels;
    QList<QWidget *> m_errorOrder;
    QList<Route> m_routes;
    QLabel *m_generalError;
    QDialogButtonBox *m_buttons;
    bool m_refused = false;
};

} // namespace tandem::ui
