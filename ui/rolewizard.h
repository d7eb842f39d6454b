#pragma once

#include "config/roles.h"
#include "config/settings.h"

#include <QWizard>

namespace tandem::ui {

namespace wizard {
class RolePage;
class DomainPage;
class PartnerPage;
class ListenersPage;
class CertificatePage;
class UsersPage;
class SummaryPage;
} // namespace wizard

// Sets a machine up as Mailbox or Archive (PRODUCT.md §1), on first start and from
// File › Run role wizard…. It starts from base and the configuration file's folder (where a
// generated certificate goes); settings() is applyRole() of what was entered, with a
// Mailbox's users and postmaster from the Users page. Saving the file is the caller's
// business.
class RoleWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        RolePageId,
        DomainPageId,
        PartnerPageId,
        ListenersPageId,
        CertificatePageId,
        UsersPageId, // a Mailbox's only
        SummaryPageId
    };

    RoleWizard(const config::Settings &base, const QString &configPath, QWidget *parent = nullptr);

    config::Role role() const;
    config::RoleChoice choice() const;
    config::Settings settings() const; // with the TLS key's passphrase, when one was entered
    QString tlsKeyPassphrase() const;

    // Keeps the key's passphrase in the keychain first.
    void accept() override;

    const config::Settings &base() const { return m_base; }
    QString configDir() const;

private:
    config::Settings m_base;
    QString m_configPath;
    wizard::RolePage *m_rolePage;
    wizard::DomainPage *m_domainPage;
    wizard::PartnerPage *m_partnerPage;
    wizard::ListenersPage *m_listenersPage;
    wizard::CertificatePage *m_certificatePage;
    wizard::UsersPage *m_usersPage;
    wizard::SummaryPage *m_summaryPage;
};

} // namespace tandem::ui
