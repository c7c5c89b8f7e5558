#include "jsoneventdialog.h"
#include "palette.h"

#include "jsonhighlighter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace Chronoscope {

JsonEventDialog::JsonEventDialog(Purpose purpose,
                                 const QString &title,
                                 const QString &text,
                                 QWidget *parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_editor(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("jsonEventDialog"));
    auto *hint = new QLabel(purpose == Purpose::Insert
                                    ? tr("The new event as canonical JSON: \"type\" and \"stream\" "
                                         "are required; \"data\", \"metadata\", \"recorded_at\", "
                                         "\"id\" and the others are optional.")
                                    : tr("The fields to change, as canonical JSON (\"type\", "
                                         "\"data\", …); the others keep the event's values."),
                            this);
    hint->setWordWrap(true);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(text);
    m_editor->setTabChangesFocus(true);
    new JsonHighlighter(m_editor->document());
    m_status->setObjectName(QStringLiteral("jsonStatus"));
    m_status->setWordWrap(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonEventDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(560, 380);
    validate();
}

QString JsonEventDialog::json() const
{
    return m_editor->toPlainText();
}

void JsonEventDialog::validate()
{
    const std::string text = m_editor->toPlainText().toStdString();
    m_problem.clear();
    try {
        const auto value = nlohmann::json::parse(text);
        if (!value.is_object())
            m_problem = tr("An event is a JSON object ({…}).");
        else if (m_purpose == Purpose::Insert
                 && (!value.contains("type") || !value["type"].is_string()))
            m_problem = tr("A new event needs \"type\" (a string).");
        else if (m_purpose == Purpose::Insert
                 && (!value.contains("stream") || !value["stream"].is_string()))
            m_problem = tr("A new event needs \"stream\" (a string).");
    } catch (const nlohmann::json::parse_error &e) {
        // Where the parser stopped, as a line and a column.
        const size_t at = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size());
        int line = 1;
        int column = 1;
        for (size_t i = 0; i < at; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        m_problem = tr("Not JSON yet: line %1, column %2.").arg(line).arg(column);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    m_status->setText(m_problem.isEmpty() ? tr("Valid.") : m_problem);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText,
                 m_problem.isEmpty() ? palette().color(QPalette::WindowText)
                                     : Palette::current().error);
    m_status->setPalette(pal);
}

} // namespace Chronoscope
