#include "jsonhighlighter.h"
#include "palette.h"

namespace Chronoscope {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    // A string (a key when a colon follows), a number, or a literal.
    , m_token(QStringLiteral(
              R"re(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)re"))
{
    const Palette &palette = Palette::current();
    m_key.setForeground(palette.jsonKey);
    m_string.setForeground(palette.jsonString);
    m_number.setForeground(palette.jsonNumber);
    m_literal.setForeground(palette.jsonLiteral);
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto matches = m_token.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch m = matches.next();
        if (m.capturedLength(1) > 0)
            setFormat(static_cast<int>(m.capturedStart(1)),
                      static_cast<int>(m.capturedLength(1)),
                      m.capturedLength(2) > 0 ? m_key : m_string);
        else if (m.capturedLength(3) > 0)
            setFormat(static_cast<int>(m.capturedStart(3)),
                      static_cast<int>(m.capturedLength(3)),
                      m_number);
        else if (m.capturedLength(4) > 0)
            setFormat(static_cast<int>(m.capturedStart(4)),
                      static_cast<int>(m.capturedLength(4)),
                      m_literal);
    }
}

} // namespace Chronoscope
