#include "eventinspector.h"
#include "base/eventjson.h"

#include "base/timestamp.h"
#include "jsonhighlighter.h"
#include "jsontreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Chronoscope {

namespace {

QPlainTextEdit *jsonEditor(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    edit->setFont(mono);
    new JsonHighlighter(edit->document());
    return edit;
}

std::string pretty(const std::string &canonical)
{
    const auto value = nlohmann::json::parse(canonical, nullptr, false);
    return value.is_discarded() ? canonical : value.dump(2);
}

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

} // namespace

EventInspector::EventInspector(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_fields(new JsonTreeModel(this))
    , m_fieldsView(new QTreeView(this))
    , m_step(new QTextBrowser(this))
    , m_causality(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("eventInspector"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(4, 2, 4, 2);

    m_fieldsView->setModel(m_fields);
    m_fieldsView->setUniformRowHeights(true);
    m_fieldsView->setAlternatingRowColors(true);
    m_fieldsView->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_fieldsView->hideColumn(JsonTreeModel::Before);
    m_tabs->addTab(m_fieldsView, tr("Fields"));

    auto *rawSplitter = new QSplitter(Qt::Horizontal, this);
    auto *storedBox = new QWidget(rawSplitter);
    auto *storedLayout = new QVBoxLayout(storedBox);
    storedLayout->setContentsMargins(0, 0, 0, 0);
    storedLayout->addWidget(new QLabel(tr("Stored"), storedBox));
    m_raw = jsonEditor(storedBox);
    m_raw->setObjectName(QStringLiteral("rawJson"));
    storedLayout->addWidget(m_raw);
    auto *upcastBox = new QWidget(rawSplitter);
    auto *upcastLayout = new QVBoxLayout(upcastBox);
    upcastLayout->setContentsMargins(0, 0, 0, 0);
    m_upcastLabel = new QLabel(tr("Upcast (as the reducers saw it)"), upcastBox);
    upcastLayout->addWidget(m_upcastLabel);
    m_upcast = jsonEditor(upcastBox);
    m_upcast->setObjectName(QStringLiteral("upcastJson"));
    upcastLayout->addWidget(m_upcast);
    rawSplitter->addWidget(storedBox);
    rawSplitter->addWidget(upcastBox);
    m_tabs->addTab(rawSplitter, tr("Raw JSON"));

    m_step->setObjectName(QStringLiteral("stepDetails"));
    m_step->setOpenLinks(false);
    m_tabs->addTab(m_step, tr("Rules && Gateway"));

    m_causality->setObjectName(QStringLiteral("causality"));
    m_causality->setColumnCount(4);
    m_causality->setHeaderLabels({tr("Seq"), tr("Type"), tr("Stream"), tr("Source")});
    m_causality->setRootIsDecorated(true);
    m_causality->setUniformRowHeights(true);
    connect(m_causality, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qint64 seq = item->data(0, Qt::UserRole).toLongLong();
        if (seq > 0)
            emit eventRequested(seq);
    });
    m_tabs->addTab(m_causality, tr("Causes && Effects"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs);
    clear();
}

void EventInspector::clear()
{
    m_title->setText(tr("<i>No event selected</i>"));
    m_fields->clear();
    m_raw->clear();
    m_upcast->clear();
    m_upcast->parentWidget()->hide();
    m_step->clear();
    m_causality->clear();
}

QTreeWidgetItem *EventInspector::eventItem(const Event &event) const
{
    auto *item = new QTreeWidgetItem({QString::number(event.seq),
                                      QString::fromStdString(event.type),
                                      QString::fromStdString(event.stream),
                                      QString::fromStdString(event.source.value_or(""))});
    item->setData(0, Qt::UserRole, QVariant::fromValue<qlonglong>(event.seq));
    item->setToolTip(0, QString::fromStdString(Timestamp::format(event.recordedAt)));
    return item;
}

QString EventInspector::stepHtml(const Details &details) const
{
    if (!details.trace)
        return tr("<p><i>Replay to this event (double-click it) to see the rule versions and "
                  "gateway calls its step used.</i></p>");
    QString out;
    if (details.ignored)
        out += tr("<p><b>Ignored</b>: the replay passes over this event.</p>");
    out += tr("<h4>Rules</h4>");
    if (details.trace->rules.empty())
        out += tr("<p><i>No rule was read.</i></p>");
    for (const auto &rule : details.trace->rules)
        out += QStringLiteral("<p><b>%1</b>: <code>%2</code></p>")
                       .arg(html(rule.name), html(rule.version.dump()));
    out += tr("<h4>Gateway calls</h4>");
    if (details.trace->gatewayCalls.empty())
        out += tr("<p><i>No gateway call.</i></p>");
    for (const auto &call : details.trace->gatewayCalls)
        out += tr("<p><b>%1</b><br>request <code>%2</code><br>recorded response "
                  "<code>%3</code></p>")
                       .arg(html(call.name), html(call.request.dump()), html(call.response.dump()));
    return out;
}

void EventInspector::show(const Details &details)
{
    const Event &e = details.event;
    m_title->setText(
            tr("<b>%1</b> &nbsp;#%2 on <b>%3</b>@%4 &nbsp;<span style='color:gray'>%5%6</span>")
                    .arg(html(e.type))
                    .arg(e.seq)
                    .arg(html(e.stream))
                    .arg(e.streamVersion)
                    .arg(html(Timestamp::format(e.recordedAt)),
                         e.source ? QStringLiteral(" · ") + html(*e.source) : QString()));
    std::string canonical;
    EventJson::append(canonical, e);
    m_fields->setJson(nlohmann::json::parse(canonical, nullptr, false));
    m_fieldsView->expandToDepth(0);
    m_fieldsView->resizeColumnToContents(JsonTreeModel::Key);
    m_raw->setPlainText(QString::fromStdString(pretty(canonical)));
    if (details.upcastEvent.empty()) {
        m_upcast->parentWidget()->hide();
    } else {
        m_upcast->setPlainText(QString::fromStdString(pretty(details.upcastEvent)));
        m_upcast->parentWidget()->show();
    }
    m_step->setHtml(stepHtml(details));

    m_causality->clear();
    auto *causes = new QTreeWidgetItem(m_causality,
                                       {tr("Causes (%1)").arg(details.causality.causes.size())});
    for (const Event &cause : details.causality.causes)
        causes->addChild(eventItem(cause));
    auto *effects = new QTreeWidgetItem(m_causality,
                                        {tr("Effects (%1)").arg(details.causality.effects.size())});
    for (const Event &effect : details.causality.effects)
        effects->addChild(eventItem(effect));
    m_causality->expandAll();
    m_causality->resizeColumnToContents(0);
    m_causality->resizeColumnToContents(1);
}

} // namespace Chronoscope
