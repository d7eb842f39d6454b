#pragma once

#include "optionsdialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;

namespace tandem::ui {

// The properties of one SMTP listener (settings.smtp.listeners[index]). The allowed relay
// networks and plaintext AUTH are global; the dialog says so where it shows them.
class SmtpServiceDialog : public OptionsDialog {
    Q_OBJECT
public:
    SmtpServiceDialog(const config::Settings &settings, int index, QWidget *parent = nullptr);

protected:
    void apply(config::Settings &s) override;

private:
    QWidget *generalTab();
    QWidget *blacklistsTab();
    QWidget *relayingTab();
    void addRelayNetwork();

    int m_index;
    QLineEdit *m_address;
    QLineEdit *m_port;
    QComboBox *m_mode;
    QCheckBox *m_rejectNonLocal;
    QListWidget *m_networks;
    QLineEdit *m_newNetwork;
    QCheckBox *m_requireAuth;
    QCheckBox *m_trustedOnly;
    QLabel *m_openWarning;
    QCheckBox *m_allowPlaintextAuth;
};

} // namespace tandem::ui
