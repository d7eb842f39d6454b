#pragma once

#include "optionsdialog.h"

class QCheckBox;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace tandem::ui {

class ArchivePolicyEditor;

// Options | Incoming Mail › Inbox Properties: the passthrough rules of PRODUCT.md §1 and what
// becomes of mail for a local address without a mailbox.
class InboxPropertiesDialog : public OptionsDialog {
    Q_OBJECT
public:
    explicit InboxPropertiesDialog(const config::Settings &settings, QWidget *parent = nullptr);

protected:
    void apply(config::Settings &s) override;

private:
    QWidget *passthroughTab();
    QWidget *undeliveredTab();

    QCheckBox *m_allDomains;
    QListWidget *m_domains;
    QCheckBox *m_copyToSentItems;
    QCheckBox *m_createMailbox;
    QCheckBox *m_copyLocalToOutbox;
    QCheckBox *m_copyWithoutReceived;
    QRadioButton *m_returnToSender;
    QRadioButton *m_createAndStore;
    QRadioButton *m_forward;
    QLineEdit *m_forwardMailbox;
    ArchivePolicyEditor *m_template;
};

} // namespace tandem::ui
