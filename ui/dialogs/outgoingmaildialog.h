#pragma once

#include "optionsdialog.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace tandem::ui {

// One static route, added or edited from Options | Outgoing Mail (route `index` of the
// settings' list; index == size() adds one).
class RouteDialog : public OptionsDialog {
    Q_OBJECT
public:
    RouteDialog(const config::Settings &settings, int index, QWidget *parent = nullptr);
    config::StaticRoute route() const { return settings().outgoing.staticRoutes.value(m_index); }

protected:
    void apply(config::Settings &s) override;

private:
    int m_index;
    QLineEdit *m_domains;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_username;
    QComboBox *m_tls;
};

// Options | Outgoing Mail: the SmartHost (its password goes to the desktop keychain on OK,
// never into the file), the static routes in the order they are tried, the retry schedule.
class OutgoingMailDialog : public OptionsDialog {
    Q_OBJECT
public:
    explicit OutgoingMailDialog(const config::Settings &settings, QWidget *parent = nullptr);

protected:
    void apply(config::Settings &s) override;
    void commit(config::Settings &s) override;

private:
    QWidget *smartHostTab();
    QWidget *routesTab();
    QWidget *retryTab();
    void fillRoutes();
    void editRoute(int row); // row == m_routes.size() adds one
    void moveRoute(int by);

    QList<config::StaticRoute> m_routes;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QComboBox *m_tls;
    QTableWidget *m_routesTable;
    QLineEdit *m_schedule;
    QSpinBox *m_warnAfter;
    QSpinBox *m_giveUpAfter;
};

} // namespace tandem::ui
