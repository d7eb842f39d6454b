#pragma once

#include "optionsdialog.h"

class QComboBox;
class QLineEdit;
class QListWidget;

namespace tandem::ui {

// Options | Server: the domains this server is the destination for, its name, its data
// folder and the role the configuration follows.
class ServerDialog : public OptionsDialog {
    Q_OBJECT
public:
    explicit ServerDialog(const config::Settings &settings, QWidget *parent = nullptr);

protected:
    void apply(config::Settings &s) override;

private:
    void addLocalDomain();
    void browseDataDir();

    QLineEdit *m_domain;
    QListWidget *m_localDomains;
    QLineEdit *m_newLocalDomain;
    QLineEdit *m_hostname;
    QLineEdit *m_dataDir;
    QComboBox *m_role;
};

} // namespace tandem::ui
