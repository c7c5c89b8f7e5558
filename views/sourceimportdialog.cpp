#include "sourceimportdialog.h"

#include "base/error.h"
#include "source/sourcespec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <iterator>
#include <optional>
#include <utility>

namespace Chronoscope {

namespace {

struct Kind
{
    const char *name;
    const char *uri;
};

// What each kind of store's URI looks like; the user fills in their host, database and user.
const Kind kKinds[] = {
        {QT_TRANSLATE_NOOP("Chronoscope::SourceImportDialog", "Message DB (PostgreSQL)"),
         "postgresql://USER@localhost:5432/message_store?store=messagedb"},
        {QT_TRANSLATE_NOOP("Chronoscope::SourceImportDialog", "Marten (PostgreSQL)"),
         "postgresql://USER@localhost:5432/DB?store=marten&schema=public"},
        {QT_TRANSLATE_NOOP("Chronoscope::SourceImportDialog", "Events table (PostgreSQL)"),
         "postgresql://USER@localhost:5432/DB?store=table&table=events&position=id&stream=stream"
         "&type=type&data=data"},
        {QT_TRANSLATE_NOOP("Chronoscope::SourceImportDialog", "NATS JetStream"),
         "nats://localhost:4222/STREAM"},
};

int kindOf(const QString &uri)
{
    if (uri.startsWith(QLatin1String("nats")))
        return 3;
    if (uri.contains(QLatin1String("store=marten")))
        return 1;
    if (uri.contains(QLatin1String("store=table")))
        return 2;
    return 0;
}

std::optional<std::string> optionalText(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    return text.toStdString();
}

} // namespace

SourceImportDialog::SourceImportDialog(const QString &uri, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_uri(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_stream(new QLineEdit(this))
    , m_type(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_since(new QLineEdit(this))
    , m_until(new QLineEdit(this))
    , m_follow(new QCheckBox(tr("Keep &following what the store appends"), this))
    , m_count(new QPushButton(tr("&Count"), this))
    , m_countText(new QLabel(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to Event Store"));
    setObjectName(QStringLiteral("sourceImportDialog"));
    for (const Kind &kind : kKinds)
        m_kind->addItem(tr(kind.name));
    m_uri->setObjectName(QStringLiteral("sourceUri"));
    m_uri->setMinimumWidth(520);
    m_uri->setText(uri.isEmpty() ? QString::fromLatin1(kKinds[0].uri) : uri);
    m_kind->setCurrentIndex(kindOf(m_uri->text()));
    m_password->setObjectName(QStringLiteral("sourcePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from PGPASSWORD or ~/.pgpass when empty; never stored"));
    m_stream->setPlaceholderText(tr("all; a glob such as order-* or a category such as order"));
    m_type->setPlaceholderText(tr("all; a glob such as Order*"));
    m_correlation->setPlaceholderText(tr("any"));
    m_since->setPlaceholderText(tr("the beginning; 2024-05-01 or 2024-05-01T12:00:00Z"));
    m_until->setPlaceholderText(tr("now; recorded before this time"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Store:"), m_kind);
    form->addRow(tr("&URI:"), m_uri);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("S&treams:"), m_stream);
    form->addRow(tr("T&ypes:"), m_type);
    form->addRow(tr("C&orrelation:"), m_correlation);
    form->addRow(tr("S&ince:"), m_since);
    form->addRow(tr("U&ntil:"), m_until);
    auto *countRow = new QHBoxLayout;
    m_count->setObjectName(QStringLiteral("sourceCount"));
    m_countText->setObjectName(QStringLiteral("sourceCountText"));
    m_countText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    countRow->addWidget(m_count);
    countRow->addWidget(m_countText, 1);
    form->addRow(QString(), countRow);
    m_follow->setObjectName(QStringLiteral("sourceFollow"));
    form->addRow(QString(), m_follow);
    m_status->setObjectName(QStringLiteral("sourceStatus"));
    m_status->setWordWrap(true);

    QPushButton *import
            = m_buttons->addButton(tr("&Import into a New Log…"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("sourceImport"));
    import->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::activated, this, &SourceImportDialog::applyKind);
    for (QLineEdit *edit : {m_uri, m_password, m_stream, m_type, m_correlation, m_since, m_until})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_countText->clear();
            validate();
        });
    connect(m_count, &QPushButton::clicked, this, [this] {
        m_countText->setText(tr("counting…"));
        m_count->setEnabled(false);
        emit countRequested();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QPushButton *SourceImportDialog::importButton() const
{
    return findChild<QPushButton *>(QStringLiteral("sourceImport"));
}

void SourceImportDialog::applyKind(int index)
{
    if (index >= 0 && index < static_cast<int>(std::size(kKinds)) && kindOf(m_uri->text()) != index)
        m_uri->setText(QString::fromLatin1(kKinds[index].uri));
}

QString SourceImportDialog::uri() const
{
    return m_uri->text().trimmed();
}

QString SourceImportDialog::connectionUri() const
{
    if (m_password->text().isEmpty())
        return uri();
    QUrl url(uri());
    url.setPassword(m_password->text());
    return url.toString(QUrl::FullyEncoded);
}

SourceSlice SourceImportDialog::slice() const
{
    SourceSlice slice;
    slice.stream = optionalText(m_stream);
    slice.type = optionalText(m_type);
    slice.correlation = optionalText(m_correlation);
    if (const auto since = optionalText(m_since))
        slice.since = Timestamp::parseDateOrTime(*since);
    if (const auto until = optionalText(m_until))
        slice.until = Timestamp::parseDateOrTime(*until);
    return slice;
}

bool SourceImportDialog::follow() const
{
    return m_follow->isChecked();
}

void SourceImportDialog::showCount(const QString &text)
{
    m_countText->setText(text);
    m_count->setEnabled(m_problem.isEmpty());
}

void SourceImportDialog::validate()
{
    m_problem.clear();
    const std::string text = uri().toStdString();
    if (!SourceSpec::isSourceUri(text)) {
        m_problem = tr("The URI starts with postgresql:// or nats://.");
    } else {
        try {
            (void)SourceSpec::parse(text);
        } catch (const Error &e) {
            m_problem = QString::fromUtf8(e.what());
        }
    }
    if (m_problem.isEmpty())
        for (const auto &[edit, name] :
             {std::pair{m_since, tr("Since")}, std::pair{m_until, tr("Until")}})
            if (const auto time = optionalText(edit); time && !Timestamp::parseDateOrTime(*time))
                m_problem = tr("%1 is a date or an RFC 3339 time (2024-05-01 or "
                               "2024-05-01T12:00:00Z).")
                                    .arg(name);
    if (m_problem.isEmpty() && uri().contains(QLatin1Char('@'))
        && !QUrl(uri()).password().isEmpty())
        m_problem = tr("Put the password in the Password field: the URI is remembered, the "
                       "password never is.");
    m_status->setText(m_problem);
    m_count->setEnabled(m_problem.isEmpty());
    importButton()->setEnabled(m_problem.isEmpty());
}

} // namespace Chronoscope
