#pragma once

#include "optionsdialog.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QThread;

namespace tandem::ui {

// The properties of one SMTP listener (settings.smtp.listeners[index]). The allowed relay
// networks, plaintext AUTH and the TLS certificate are global; the dialog says so where it
// shows them. The certificate and key are chosen as files (checked as the engine checks them:
// the key must be the certificate's) or made here, self-signed; an encrypted key's passphrase
// goes to the keychain, never to the file.
class SmtpServiceDialog : public OptionsDialog {
    Q_OBJECT
public:
    SmtpServiceDialog(const config::Settings &settings, int index, QWidget *parent = nullptr);
    ~SmtpServiceDialog() override;

    // Makes a self-signed pair for the server's host name in the configuration's tls/ folder,
    // on a thread of its own, and names it in the fields; certificateMade() follows.
    void makeSelfSignedCertificate();

signals:
    void certificateMade(bool ok);

protected:
    void apply(config::Settings &s) override;
    void commit(config::Settings &s) override;

private:
    QWidget *generalTab();
    QWidget *tlsBox();
    void browse(QLineEdit *edit, const QString &caption);
    void updateTlsState();
    QString absolute(const QString &path) const;
    QString asWritten(const QString &absolutePath) const;
    bool keyIsEncrypted() const;
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
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QLineEdit *m_passphrase;
    QPushButton *m_selfSigned;
    QLabel *m_tlsState;
    QThread *m_maker = nullptr;
};

} // namespace tandem::ui
