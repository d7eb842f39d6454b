#pragma once

#include "config/settings.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace tandem::ui {

// The fields of an archive policy (PRODUCT.md §1, docs/archive.md): when a message leaves the
// live folders and where it goes, when it expires and what expiry does, the size cap and its
// warning. The template on the Undelivered Mail tab and a mailbox's Archive tab share it, with
// the same objectNames (archiveAfter, archiveAfterUnit, archiveTo, expireAfter,
// expireAfterUnit, onExpiry, maxSizeMb, sizeWarningPercent).
class ArchivePolicyEditor : public QWidget {
    Q_OBJECT
public:
    // errorLabel gives the dialog's red label of a field (OptionsDialog::errorLabel), placed
    // under the field's row here.
    using ErrorLabel = std::function<QLabel *(QWidget *field)>;
    ArchivePolicyEditor(const config::ArchivePolicy &policy, const ErrorLabel &errorLabel,
                        QWidget *parent = nullptr);

    void setPolicy(const config::ArchivePolicy &policy);
    // What the fields say. A duration the units cannot show exactly (36 hours of expiry) is
    // kept as it was unless its field is changed.
    config::ArchivePolicy policy() const;

    QSpinBox *archiveAfter() const { return m_archiveAfter; }
    QComboBox *archiveTo() const { return m_archiveTo; }
    QSpinBox *expireAfter() const { return m_expireAfter; }
    QComboBox *onExpiry() const { return m_onExpiry; }
    QSpinBox *maxSizeMb() const { return m_maxSizeMb; }
    QSpinBox *sizeWarningPercent() const { return m_warnPercent; }

    // Each field with the key of the configuration file it edits ("archive_after", ...), so
    // that the validator's errors are routed to it.
    QList<QPair<QString, QWidget *>> fieldsByKey() const;

    // A policy in words: "archive after 30 days into the store; kept for ever; no size cap".
    static QString describe(const config::ArchivePolicy &policy);
    // 36 → "36 hours", 720 → "30 days", 336 → "2 weeks", 8760 → "1 year".
    static QString describeDuration(qint64 hours);

private:
    void setDuration(QSpinBox *box, QComboBox *unit, qint64 hours);
    static qint64 duration(const QSpinBox *box, const QComboBox *unit);
    void updateEnabled();

    QSpinBox *m_archiveAfter;
    QComboBox *m_archiveAfterUnit;
    QComboBox *m_archiveTo;
    QSpinBox *m_expireAfter;
    QComboBox *m_expireAfterUnit;
    QComboBox *m_onExpiry;
    QSpinBox *m_maxSizeMb;
    QSpinBox *m_warnPercent;
    // The durations as set, with what the fields showed for them.
    qint64 m_archiveAfterHours = 0;
    qint64 m_expireAfterHours = 0;
    qint64 m_archiveAfterShown = 0;
    qint64 m_expireAfterShown = 0;
};

} // namespace tandem::ui
