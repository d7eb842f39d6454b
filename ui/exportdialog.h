#pragma once

#include "archive/archive.h"

#include <QDialog>

class QLineEdit;
class QPushButton;
class QRadioButton;

// Export: which messages (the chosen ones, or every one the query found), in which form (a
// folder of .eml files, one mbox file, one zip file) and where. The path is typed or chosen
// with Browse…; the dialog itself needs no native file dialog, so tests type it.
namespace tandem::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // found is the query's count, -1 when not known yet (then only the chosen ones).
    ExportDialog(int chosen, qint64 found, const QString &folder, QWidget *parent = nullptr);

    bool allFound() const;
    archive::ExportFormat format() const;
    QString path() const;

    // The file or folder name for the format: the path's own, with the format's extension.
    static QString pathFor(const QString &path, archive::ExportFormat format);

private:
    void formatChosen();
    void browse();
    void updateOk();
    bool confirmReplace();

    QRadioButton *m_chosen;
    QRadioButton *m_all;
    QRadioButton *m_eml;
    QRadioButton *m_mbox;
    QRadioButton *m_zip;
    QLineEdit *m_path;
    QPushButton *m_ok;
};

} // namespace tandem::ui
