#pragma once

#include "archive/archive.h"
#include "archivesearch.h"
#include "config/settings.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QDialog;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QToolBar;

// Search for Message: the archive's copies found by a query (docs/archive.md "Searching"),
// a page at a time; the chosen one's preview (headers, decoded text, attachments, and every
// copy of the message in every mailbox and folder, with its envelope recipient); and, on any
// number of rows, Copy to mailbox… and Export…. Everything it asks of the archive runs off
// this thread (ArchiveSearch): a query over a million copies or an export of thousands never
// freezes the window.
namespace tandem::ui {

class EngineHost;
class SearchModel;

class SearchWindow : public QWidget {
    Q_OBJECT
public:
    explicit SearchWindow(EngineHost *host, QWidget *parent = nullptr);
    ~SearchWindow() override;

    // The data folder searched, and its mailboxes for the chooser and Copy to mailbox.
    void setSettings(const config::Settings &settings);

    SearchModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *queryEdit() const { return m_query; }
    // Runs the query typed (Enter or Search do).
    void runQuery();
    // Puts the keyboard in the query line, its text selected (Tools › Search for Message…).
    void focusQuery();
    QList<archive::SearchHit> selectedHits() const;

    // The actions on the chosen rows: they ask first (a dialog), then run as a job.
    void copyToMailbox();
    void exportMessages();

signals:
    // A job ended; its summary is shown.
    void copyBackFinished(const tandem::ui::CopyBackReport &report);
    void exportFinished(const tandem::archive::ExportReport &report);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void setMailboxes(const QStringList &mailboxes);
    // The query with the field helpers' term of `field` replaced (or removed when term is
    // empty, appended when missing), then run shortly after.
    void helperChanged(const QString &field, const QString &term);
    QString dateTerm() const;
    void showError(const QString &error);
    void updateStatus();
    void updateActions();
    void showPreview();
    void clearPreview(const QString &why);
    void showDetails(quint64 request, const std::optional<archive::MessageDetails> &details,
                     const QString &error);
    void startJob(quint64 request, const QString &label, qint64 total);
    void jobProgress(quint64 request, qint64 done, qint64 total);
    void endJob();
    // A job's end: its summary, and what it changed shown.
    void copiedBack(quint64 request, const CopyBackReport &report);
    void exported(quint64 request, const archive::ExportReport &report);
    void tell(const QString &name, const QString &title, const QString &text,
              const QString &informative, const QStringList &details);
    void fitColumns();

    EngineHost *m_host;
    QPointer<ArchiveSearch> m_search; // the host's: in the console it is deleted before this
    SearchModel *m_model;
    std::optional<config::Settings> m_settings;
    QStringList m_mailboxes;
    bool m_searchedOnce = false;

    QToolBar *m_toolBar;
    QAction *m_copyAction;
    QAction *m_exportAction;
    QLabel *m_queryLabel;
    QLineEdit *m_query;
    QPushButton *m_searchButton;
    QCheckBox *m_dated;
    QDateEdit *m_dateFrom;
    QLabel *m_dateToLabel;
    QDateEdit *m_dateTo;
    QLabel *m_mailboxLabel;
    QComboBox *m_mailbox;
    QCheckBox *m_attachment;
    QComboBox *m_state;
    QTimer *m_helperTimer;
    QLabel *m_status;
    QLabel *m_error;
    QSplitter *m_splitter;
    QTableView *m_view;

    // The preview: a note while nothing is chosen, else the message.
    QStackedWidget *m_preview;
    QLabel *m_previewNote;
    QWidget *m_previewPage;
    QFormLayout *m_previewForm;
    QList<QPair<QLabel *, QLabel *>> m_previewRows; // caption, value
    QTabWidget *m_previewTabs;
    QPlainTextEdit *m_previewText;
    QListWidget *m_previewAttachments;
    QTableWidget *m_previewCopies;
    QPlainTextEdit *m_previewHeaders;
    QLabel *m_copiesTitle;
    QLabel *m_attachmentsTitle;
    qint64 m_previewed = 0;       // the placement shown or asked for
    quint64 m_detailsRequest = 0; // the preview asked for and not answered yet

    quint64 m_job = 0;             // the copy back or export running
    QString m_jobPath;             // where the export running writes
    QDialog *m_progress = nullptr; // the running job's progress
};

} // namespace tandem::ui
