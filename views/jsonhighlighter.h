#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Chronoscope {

/// Colours JSON text: keys, strings, numbers, true/false/null. Picks colours that read on the
/// document's background, light or dark.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /// Colours from the palette in use (Palette::current()).
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_token;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace Chronoscope
