<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Chronoscope::Bookmarks</name>
    <message>
        <source>Add Bookmark</source>
        <translation>Lesezeichen hinzufügen</translation>
    </message>
    <message>
        <source>Name of event %1:</source>
        <translation>Name für Ereignis %1:</translation>
    </message>
    <message>
        <source>No bookmarks (Ctrl+D adds one)</source>
        <translation>Keine Lesezeichen (Strg+D fügt eines hinzu)</translation>
    </message>
</context>
<context>
    <name>Chronoscope::BranchPanel</name>
    <message>
        <source>Fork</source>
        <translation>Abzweigen</translation>
    </message>
    <message>
        <source>Fork the followed history at the debugger&apos;s position</source>
        <translation>Den verfolgten Verlauf an der Position des Debuggers abzweigen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip the selected event in the followed branch</source>
        <translation>Das ausgewählte Ereignis im verfolgten Zweig überspringen</translation>
    </message>
    <message>
        <source>Insert…</source>
        <translation>Einfügen …</translation>
    </message>
    <message>
        <source>Insert an event after the selected one in the followed branch</source>
        <translation>Ein Ereignis nach dem ausgewählten im verfolgten Zweig einfügen</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen …</translation>
    </message>
    <message>
        <source>Replace the selected event in the followed branch</source>
        <translation>Das ausgewählte Ereignis im verfolgten Zweig ersetzen</translation>
    </message>
    <message>
        <source>Re-process…</source>
        <translation>Neu verarbeiten …</translation>
    </message>
    <message>
        <source>Fork at the debugger&apos;s position with another model: its handlers show what that code would have emitted</source>
        <translation>An der Position des Debuggers mit einem anderen Modell abzweigen: seine Handler zeigen, was dieser Code ausgelöst hätte</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>Merge the selected branch into main, nothing deleted</source>
        <translation>Den ausgewählten Zweig in main zusammenführen, ohne etwas zu löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected branch</source>
        <translation>Den ausgewählten Zweig löschen</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Debug the selected history, at the same position</source>
        <translation>Den ausgewählten Verlauf an derselben Position debuggen</translation>
    </message>
    <message>
        <source>Revert to Here…</source>
        <translation>Hierher zurücksetzen…</translation>
    </message>
    <message>
        <source>Take main back to the debugger&apos;s position: every later event reversed, nothing deleted</source>
        <translation>Main auf die Position des Debuggers zurücksetzen: jedes spätere Ereignis wird rückgängig gemacht, nichts gelöscht</translation>
    </message>
</context>
<context>
    <name>Chronoscope::BranchTreeModel</name>
    <message>
        <source>%1 (merged)</source>
        <translation>%1 (zusammengeführt)</translation>
    </message>
    <message>
        <source>%1@%2, truncated</source>
        <translation>%1@%2, abgeschnitten</translation>
    </message>
    <message>
        <source>%1 + %2 re-processed</source>
        <translation>%1 + %2 neu verarbeitet</translation>
    </message>
    <message>
        <source>the log&apos;s</source>
        <translation>das des Logs</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>geerbt</translation>
    </message>
    <message>
        <source>The debugger follows this history</source>
        <translation>Der Debugger verfolgt diesen Verlauf</translation>
    </message>
    <message>
        <source>Double-click to follow this history</source>
        <translation>Doppelklick, um diesen Verlauf zu verfolgen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Fork point</source>
        <translation>Abzweigpunkt</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
</context>
<context>
    <name>Chronoscope::Branches</name>
    <message>
        <source>New Branch</source>
        <translation>Neuer Zweig</translation>
    </message>
    <message>
        <source>Name of the branch (letters, digits, - _ .):</source>
        <translation>Name des Zweigs (Buchstaben, Ziffern, - _ .):</translation>
    </message>
    <message>
        <source>Forked %1 at %2@%3.</source>
        <translation>%1 bei %2@%3 abgezweigt.</translation>
    </message>
    <message>
        <source>Re-process with Model</source>
        <translation>Mit Modell neu verarbeiten</translation>
    </message>
    <message>
        <source>JavaScript model (*.js)</source>
        <translation>JavaScript-Modell (*.js)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Main is the recorded history and is never edited: fork a branch first, then edit it.</source>
        <translation>main ist der aufgezeichnete Verlauf und wird nie geändert: zuerst einen Zweig abzweigen, dann ihn ändern.</translation>
    </message>
    <message>
        <source>Select an event of the branch first.</source>
        <translation>Zuerst ein Ereignis des Zweigs auswählen.</translation>
    </message>
    <message>
        <source>Insert after event %1</source>
        <translation>Nach Ereignis %1 einfügen</translation>
    </message>
    <message>
        <source>Replace event %1</source>
        <translation>Ereignis %1 ersetzen</translation>
    </message>
    <message>
        <source>Select a branch of main to merge.</source>
        <translation>Einen Zweig von main zum Zusammenführen auswählen.</translation>
    </message>
    <message>
        <source>Merge %1 into Main</source>
        <translation>%1 in main zusammenführen</translation>
    </message>
    <message numerus="yes">
        <source>Merging appends %n correction(s) to main; no recorded event is deleted. Reversed events stay in the log, marked.</source>
        <translation>
            <numerusform>Das Zusammenführen hängt %n Korrektur an main an; kein aufgezeichnetes Ereignis wird gelöscht. Rückgängig gemachte Ereignisse bleiben markiert im Log.</numerusform>
            <numerusform>Das Zusammenführen hängt %n Korrekturen an main an; kein aufgezeichnetes Ereignis wird gelöscht. Rückgängig gemachte Ereignisse bleiben markiert im Log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %1: %n event(s) appended to main.</source>
        <translation>
            <numerusform>%1 zusammengeführt: %n Ereignis an main angehängt.</numerusform>
            <numerusform>%1 zusammengeführt: %n Ereignisse an main angehängt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Delete Branch</source>
        <translation>Zweig löschen</translation>
    </message>
    <message>
        <source>Delete branch %1 and its edits? The recorded events are not touched.</source>
        <translation>Zweig %1 und seine Änderungen löschen? Die aufgezeichneten Ereignisse bleiben unberührt.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Follow main to revert it.</source>
        <translation>Folgen Sie main, um es zurückzusetzen.</translation>
    </message>
    <message>
        <source>Revert Main to Event %1</source>
        <translation>Main auf Ereignis %1 zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Reverting reverses %n event(s) after event %1 (%2..%3): each gets a correction record, none is deleted, and main&apos;s state becomes the state after event %1. The revert is kept as branch %4.</source>
        <translation>
            <numerusform>Das Zurücksetzen macht %n Ereignis nach Ereignis %1 rückgängig (%2..%3): es erhält einen Korrektureintrag, nichts wird gelöscht, und der Zustand von main wird der Zustand nach Ereignis %1. Das Zurücksetzen bleibt als Branch %4 erhalten.</numerusform>
            <numerusform>Das Zurücksetzen macht %n Ereignisse nach Ereignis %1 rückgängig (%2..%3): jedes erhält einen Korrektureintrag, keines wird gelöscht, und der Zustand von main wird der Zustand nach Ereignis %1. Das Zurücksetzen bleibt als Branch %4 erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reverted main to event %1: %n event(s) reversed.</source>
        <translation>
            <numerusform>Main auf Ereignis %1 zurückgesetzt: %n Ereignis rückgängig gemacht.</numerusform>
            <numerusform>Main auf Ereignis %1 zurückgesetzt: %n Ereignisse rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Chronoscope::BreakpointTableModel</name>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Value changes</source>
        <translation>Wert ändert sich</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Pattern or expression</source>
        <translation>Muster oder Ausdruck</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>Chronoscope::BreakpointsAndWatches</name>
    <message>
        <source>Cannot Add Breakpoint</source>
        <translation>Haltepunkt kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Removed the breakpoint on %1</source>
        <translation>Haltepunkt auf %1 entfernt</translation>
    </message>
    <message>
        <source>Breakpoint on %1</source>
        <translation>Haltepunkt auf %1</translation>
    </message>
</context>
<context>
    <name>Chronoscope::BreakpointsPanel</name>
    <message>
        <source>Payment* — a glob</source>
        <translation>Payment* — ein Glob-Muster</translation>
    </message>
    <message>
        <source>order-31 — a glob</source>
        <translation>order-31 — ein Glob-Muster</translation>
    </message>
    <message>
        <source>payment — a glob</source>
        <translation>payment — ein Glob-Muster</translation>
    </message>
    <message>
        <source>event.data.amount &gt; 1000 — stops where it holds</source>
        <translation>event.data.amount &gt; 1000 — hält, wo er zutrifft</translation>
    </message>
    <message>
        <source>state.streams[&quot;order-31&quot;]?.status — stops where it changes</source>
        <translation>state.streams[&quot;order-31&quot;]?.status — hält, wo er sich ändert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Chronoscope::CausationTreeModel</name>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>The selected event</source>
        <translation>Das ausgewählte Ereignis</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
</context>
<context>
    <name>Chronoscope::ChainGraph</name>
    <message>
        <source>%1 services, %2 event types · edges seen but not declared: %3, declared but never seen: %4</source>
        <translation>%1 Dienste, %2 Ereignistypen · Kanten gesehen, aber nicht deklariert: %3, deklariert, aber nie gesehen: %4</translation>
    </message>
    <message>
        <source>Reading who emits and who listens…</source>
        <translation>Lese, wer sendet und wer zuhört …</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>the picture could not be drawn</source>
        <translation>das Bild konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Chronoscope::CommandPalette</name>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben …</translation>
    </message>
</context>
<context>
    <name>Chronoscope::CompareView</name>
    <message>
        <source>main@357, a branch, a time</source>
        <translation>main@357, ein Zweig, eine Zeit</translation>
    </message>
    <message>
        <source>fixed@357</source>
        <translation>fixed@357</translation>
    </message>
    <message>
        <source>In B</source>
        <translation>In B</translation>
    </message>
    <message>
        <source>In A</source>
        <translation>In A</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Step both sides back</source>
        <translation>Beide Seiten einen Schritt zurück</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Step both sides forward</source>
        <translation>Beide Seiten einen Schritt vor</translation>
    </message>
    <message>
        <source>B&apos;s Log…</source>
        <translation>Log von B …</translation>
    </message>
    <message>
        <source>Compare with a revision of another log</source>
        <translation>Mit einer Revision eines anderen Logs vergleichen</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren …</translation>
    </message>
    <message>
        <source>The difference as RFC 6902</source>
        <translation>Der Unterschied als RFC 6902</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <source>The comparison as text</source>
        <translation>Der Vergleich als Text</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>(same log)</source>
        <translation>(dasselbe Log)</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>Name revision B: a branch, main@N, or a time.</source>
        <translation>Revision B angeben: ein Zweig, main@N oder eine Zeit.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche …</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n state difference(s)</source>
        <translation>
            <numerusform>%1 → %2: %n Unterschied im Zustand</numerusform>
            <numerusform>%1 → %2: %n Unterschiede im Zustand</numerusform>
        </translation>
    </message>
    <message>
        <source>; events first diverge at %1 (%2 only in A, %3 only in B, %4 changed)</source>
        <translation>; die Ereignisse weichen zuerst bei %1 ab (%2 nur in A, %3 nur in B, %4 geändert)</translation>
    </message>
    <message>
        <source>; the events are the same</source>
        <translation>; die Ereignisse sind gleich</translation>
    </message>
    <message>
        <source>B&apos;s Log</source>
        <translation>Log von B</translation>
    </message>
    <message>
        <source>Chronoscope logs (*.chronolog);;All files (*)</source>
        <translation>Chronoscope-Logs (*.chronolog);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export the Difference</source>
        <translation>Den Unterschied exportieren</translation>
    </message>
    <message>
        <source>Export the Report</source>
        <translation>Den Bericht exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>Chronoscope::Comparer</name>
    <message>
        <source>Pick two revisions and Compare.</source>
        <translation>Zwei Revisionen wählen und vergleichen.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventAlignmentModel</name>
    <message>
        <source>only in A</source>
        <translation>nur in A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>nur in B</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>%1 — first divergence</source>
        <translation>%1 — erste Abweichung</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventChainPanel</name>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export Event Chain</source>
        <translation>Ereigniskette exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;Graphviz DOT (*.dot *.gv)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;Graphviz DOT (*.dot *.gv)</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventChainView</name>
    <message>
        <source>Declared by the model, never seen in the log</source>
        <translation>Vom Modell deklariert, im Log nie gesehen</translation>
    </message>
    <message>
        <source>Seen in the log, not declared by the model</source>
        <translation>Im Log gesehen, vom Modell nicht deklariert</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service %1: emitted %n event(s)</source>
        <translation>
            <numerusform>Dienst %1: %n Ereignis gesendet</numerusform>
            <numerusform>Dienst %1: %n Ereignisse gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event type %1: %n event(s)</source>
        <translation>
            <numerusform>Ereignistyp %1: %n Ereignis</numerusform>
            <numerusform>Ereignistyp %1: %n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Event chain</source>
        <translation>Ereigniskette</translation>
    </message>
    <message>
        <source>; a handler of the model reacts to it</source>
        <translation>; ein Handler des Modells reagiert darauf</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventInspector</name>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Upcast (as the reducers saw it)</source>
        <translation>Hochkonvertiert (wie die Reducer es sahen)</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Rules &amp;&amp; Gateway</source>
        <translation>Regeln &amp;&amp; Gateway</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Causes &amp;&amp; Effects</source>
        <translation>Ursachen &amp;&amp; Wirkungen</translation>
    </message>
    <message>
        <source>&lt;i&gt;No event selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;Kein Ereignis ausgewählt&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Replay to this event (double-click it) to see the rule versions and gateway calls its step used.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Bis zu diesem Ereignis abspielen (Doppelklick), um die Regelversionen und Gateway-Aufrufe seines Schritts zu sehen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ignored&lt;/b&gt;: the replay passes over this event.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ignoriert&lt;/b&gt;: das Abspielen übergeht dieses Ereignis.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Rules&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Regeln&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No rule was read.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Keine Regel gelesen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Gateway calls&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Gateway-Aufrufe&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No gateway call.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Kein Gateway-Aufruf.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;request &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;recorded response &lt;code&gt;%3&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Anfrage &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;aufgezeichnete Antwort &lt;code&gt;%3&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;#%2 on &lt;b&gt;%3&lt;/b&gt;@%4 &amp;nbsp;&lt;span style=&apos;color:gray&apos;&gt;%5%6&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;#%2 in &lt;b&gt;%3&lt;/b&gt;@%4 &amp;nbsp;&lt;span style=&apos;color:gray&apos;&gt;%5%6&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Causes (%1)</source>
        <translation>Ursachen (%1)</translation>
    </message>
    <message>
        <source>Effects (%1)</source>
        <translation>Wirkungen (%1)</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventList</name>
    <message>
        <source>Type (glob)</source>
        <translation>Typ (Glob)</translation>
    </message>
    <message>
        <source>Stream (glob)</source>
        <translation>Stream (Glob)</translation>
    </message>
    <message>
        <source>Source (glob)</source>
        <translation>Quelle (Glob)</translation>
    </message>
    <message>
        <source>Search payloads…</source>
        <translation>In Nutzdaten suchen …</translation>
    </message>
    <message>
        <source>Indexing events for search…</source>
        <translation>Ereignisse werden für die Suche indiziert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Chronoscope::EventTableModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reversed by the merge of %1</source>
        <translation>Durch den Merge von %1 rückgängig gemacht</translation>
    </message>
    <message>
        <source>Inserted on this branch</source>
        <translation>Auf diesem Zweig eingefügt</translation>
    </message>
    <message>
        <source>Replaced on this branch</source>
        <translation>Auf diesem Zweig ersetzt</translation>
    </message>
    <message>
        <source>Regenerated by the model&apos;s handlers</source>
        <translation>Von den Handlern des Modells neu erzeugt</translation>
    </message>
</context>
<context>
    <name>Chronoscope::ImportRunner</name>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde geschrieben.</translation>
    </message>
</context>
<context>
    <name>Chronoscope::JsonEventDialog</name>
    <message>
        <source>The new event as canonical JSON: &quot;type&quot; and &quot;stream&quot; are required; &quot;data&quot;, &quot;metadata&quot;, &quot;recorded_at&quot;, &quot;id&quot; and the others are optional.</source>
        <translation>Das neue Ereignis als kanonisches JSON: „type“ und „stream“ sind Pflicht; „data“, „metadata“, „recorded_at“, „id“ und die übrigen sind optional.</translation>
    </message>
    <message>
        <source>The fields to change, as canonical JSON (&quot;type&quot;, &quot;data&quot;, …); the others keep the event&apos;s values.</source>
        <translation>Die zu ändernden Felder als kanonisches JSON („type“, „data“, …); die übrigen behalten die Werte des Ereignisses.</translation>
    </message>
    <message>
        <source>An event is a JSON object ({…}).</source>
        <translation>Ein Ereignis ist ein JSON-Objekt ({…}).</translation>
    </message>
    <message>
        <source>A new event needs &quot;type&quot; (a string).</source>
        <translation>Ein neues Ereignis braucht „type“ (eine Zeichenkette).</translation>
    </message>
    <message>
        <source>A new event needs &quot;stream&quot; (a string).</source>
        <translation>Ein neues Ereignis braucht „stream“ (eine Zeichenkette).</translation>
    </message>
    <message>
        <source>Not JSON yet: line %1, column %2.</source>
        <translation>Noch kein JSON: Zeile %1, Spalte %2.</translation>
    </message>
    <message>
        <source>Valid.</source>
        <translation>Gültig.</translation>
    </message>
</context>
<context>
    <name>Chronoscope::JsonTreeModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
</context>
<context>
    <name>Chronoscope::LogFiles</name>
    <message>
        <source>Import into a New Log</source>
        <translation>In ein neues Log importieren</translation>
    </message>
    <message>
        <source>Chronoscope logs (*.chronolog)</source>
        <translation>Chronoscope-Logs (*.chronolog)</translation>
    </message>
    <message>
        <source>Cannot Open Log</source>
        <translation>Log kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>%1 exists already: choose a new file, the import never changes an existing log.</source>
        <translation>%1 gibt es schon: Wählen Sie eine neue Datei, der Import ändert nie ein bestehendes Log.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1 …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Importing… %n event(s)</source>
        <translation>
            <numerusform>Importiere … %n Ereignis</numerusform>
            <numerusform>Importiere … %n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n event(s) into %1</source>
        <translation>
            <numerusform>%n Ereignis in %1 importiert</numerusform>
            <numerusform>%n Ereignisse in %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>Log öffnen</translation>
    </message>
    <message>
        <source>Chronoscope logs and event files (*.chronolog *.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>Chronoscope-Logs und Ereignisdateien (*.chronolog *.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import JSON Events</source>
        <translation>JSON-Ereignisse importieren</translation>
    </message>
    <message>
        <source>JSON event files (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>JSON-Ereignisdateien (*.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to import (positions %1..%2)</source>
        <translation>
            <numerusform>%n Ereignis zu importieren (Positionen %1..%2)</numerusform>
            <numerusform>%n Ereignisse zu importieren (Positionen %1..%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing from %1…</source>
        <translation>Import aus %1…</translation>
    </message>
    <message numerus="yes">
        <source>Importing… %n event(s), position %1 of %2</source>
        <translation>
            <numerusform>Importiere… %n Ereignis, Position %1 von %2</numerusform>
            <numerusform>Importiere… %n Ereignisse, Position %1 von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Following Stopped</source>
        <translation>Verfolgen beendet</translation>
    </message>
    <message>
        <source>Following %1 stopped: %2</source>
        <translation>Das Verfolgen von %1 wurde beendet: %2</translation>
    </message>
</context>
<context>
    <name>Chronoscope::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Log…</source>
        <translation>Log ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Chronoscope</source>
        <translation>Ü&amp;ber Chronoscope</translation>
    </message>
    <message>
        <source>About Chronoscope</source>
        <translation>Über Chronoscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Chronoscope&lt;/b&gt; %1&lt;br&gt;A debugger for event histories: step through an event log, see who listens to which events, fork and compare histories.</source>
        <translation>&lt;b&gt;Chronoscope&lt;/b&gt; %1&lt;br&gt;Ein Debugger für Ereignisverläufe: Schritt für Schritt durch ein Ereignis-Log gehen, sehen, wer auf welche Ereignisse hört, Verläufe abzweigen und vergleichen.</translation>
    </message>
    <message>
        <source>%1 — Chronoscope</source>
        <translation>%1 — Chronoscope</translation>
    </message>
    <message>
        <source>No log open</source>
        <translation>Kein Log geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay Failed</source>
        <translation>Abspielen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Looking for the event that last changed %1…</source>
        <translation>Suche das Ereignis, das %1 zuletzt geändert hat …</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Überwachte Ausdrücke</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>JSON &amp;importieren …</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Step &amp;Forward</source>
        <translation>Schritt &amp;vorwärts</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>Schritt &amp;zurück</translation>
    </message>
    <message>
        <source>&amp;Run to Next Breakpoint</source>
        <translation>Bis zum nächsten Haltepunkt &amp;laufen</translation>
    </message>
    <message>
        <source>Run &amp;Backward to Previous Breakpoint</source>
        <translation>&amp;Rückwärts bis zum vorigen Haltepunkt laufen</translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation>Zum &amp;Anfang</translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation>Zum &amp;Ende</translation>
    </message>
    <message>
        <source>&amp;Go to Event…</source>
        <translation>&amp;Gehe zu Ereignis …</translation>
    </message>
    <message>
        <source>Replay to &amp;Selected Event</source>
        <translation>Bis zum &amp;ausgewählten Ereignis abspielen</translation>
    </message>
    <message>
        <source>Toggle &amp;Breakpoint on Event Type</source>
        <translation>&amp;Haltepunkt auf Ereignistyp umschalten</translation>
    </message>
    <message>
        <source>Add Boo&amp;kmark…</source>
        <translation>Lese&amp;zeichen hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Ab&amp;spielen</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>Befehls&amp;palette …</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debuggen</translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>Abspielgeschwindigkeit</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 Ereignisse/s</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stopped at breakpoint %1</source>
        <translation>An Haltepunkt %1 angehalten</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>spielt ab</translation>
    </message>
    <message>
        <source>replaying…</source>
        <translation>spielt nach …</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>Position: event %1 of %2</source>
        <translation>Position: Ereignis %1 von %2</translation>
    </message>
    <message>
        <source> · selected %1</source>
        <translation> · ausgewählt %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n shown by the filter</source>
        <translation>
            <numerusform> · %n vom Filter gezeigt</numerusform>
            <numerusform> · %n vom Filter gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Zweige</translation>
    </message>
    <message>
        <source>Event Chain</source>
        <translation>Ereigniskette</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Projections</source>
        <translation>Projektionen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Follow Branch</source>
        <translation>Zweig verfolgen</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>Verfolge %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1 …</translation>
    </message>
    <message>
        <source>replaying… %1%</source>
        <translation>spielt nach … %1 %</translation>
    </message>
    <message>
        <source>Warning: this log was changed outside Chronoscope (%1); run chronoscope-cli verify</source>
        <translation>Warnung: Dieses Protokoll wurde außerhalb von Chronoscope verändert (%1); führen Sie chronoscope-cli verify aus</translation>
    </message>
    <message>
        <source>No breakpoint hit: ran to the end</source>
        <translation>Kein Haltepunkt getroffen: bis zum Ende gelaufen</translation>
    </message>
    <message>
        <source>No breakpoint hit: ran back to the beginning</source>
        <translation>Kein Haltepunkt getroffen: zurück bis zum Anfang gelaufen</translation>
    </message>
    <message>
        <source>&amp;Connect to Event Store…</source>
        <translation>Mit Event-Store &amp;verbinden…</translation>
    </message>
    <message>
        <source>S&amp;top Following the Store</source>
        <translation>Verfolgen des Stores &amp;beenden</translation>
    </message>
    <message>
        <source> · following %1</source>
        <translation> · verfolgt %1</translation>
    </message>
</context>
<context>
    <name>Chronoscope::ProjectionTableModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keiner)</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) behind</source>
        <translation>
            <numerusform>%n Ereignis im Rückstand</numerusform>
            <numerusform>%n Ereignisse im Rückstand</numerusform>
        </translation>
    </message>
    <message>
        <source>caught up %1 later</source>
        <translation>%1 später aufgeholt</translation>
    </message>
    <message>
        <source>Events recorded by this moment that the read side had not processed yet (their processed_at is later)</source>
        <translation>Bis zu diesem Moment aufgezeichnete Ereignisse, die die Leseseite noch nicht verarbeitet hatte (ihr processed_at ist später)</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projektion</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Read side</source>
        <translation>Leseseite</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
</context>
<context>
    <name>Chronoscope::ProjectionsPanel</name>
    <message>
        <source>The read side: each projection&apos;s view at the debugger&apos;s position, its checkpoint, and the events recorded by then that it had not processed yet (by processed_at).</source>
        <translation>Die Leseseite: die Sicht jeder Projektion an der Position des Debuggers, ihr Checkpoint und die bis dahin aufgezeichneten Ereignisse, die sie noch nicht verarbeitet hatte (nach processed_at).</translation>
    </message>
    <message>
        <source>The model has no projections (the generic model, which merges each event into its stream, has none).</source>
        <translation>Das Modell hat keine Projektionen (das generische Modell, das jedes Ereignis in seinen Stream einfügt, hat keine).</translation>
    </message>
</context>
<context>
    <name>Chronoscope::SourceImportDialog</name>
    <message>
        <source>Message DB (PostgreSQL)</source>
        <translation>Message DB (PostgreSQL)</translation>
    </message>
    <message>
        <source>Marten (PostgreSQL)</source>
        <translation>Marten (PostgreSQL)</translation>
    </message>
    <message>
        <source>Events table (PostgreSQL)</source>
        <translation>Ereignistabelle (PostgreSQL)</translation>
    </message>
    <message>
        <source>NATS JetStream</source>
        <translation>NATS JetStream</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>&amp;Zählen</translation>
    </message>
    <message>
        <source>Connect to Event Store</source>
        <translation>Mit Event-Store verbinden</translation>
    </message>
    <message>
        <source>from PGPASSWORD or ~/.pgpass when empty; never stored</source>
        <translation>leer: aus PGPASSWORD oder ~/.pgpass; wird nie gespeichert</translation>
    </message>
    <message>
        <source>all; a glob such as order-* or a category such as order</source>
        <translation>alle; ein Muster wie order-* oder eine Kategorie wie order</translation>
    </message>
    <message>
        <source>all; a glob such as Order*</source>
        <translation>alle; ein Muster wie Order*</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>the beginning; 2024-05-01 or 2024-05-01T12:00:00Z</source>
        <translation>von Anfang an; 2024-05-01 oder 2024-05-01T12:00:00Z</translation>
    </message>
    <message>
        <source>now; recorded before this time</source>
        <translation>bis jetzt; vor diesem Zeitpunkt aufgezeichnet</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Store:</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>S&amp;treams:</source>
        <translation>S&amp;treams:</translation>
    </message>
    <message>
        <source>T&amp;ypes:</source>
        <translation>T&amp;ypen:</translation>
    </message>
    <message>
        <source>C&amp;orrelation:</source>
        <translation>K&amp;orrelation:</translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation>&amp;Seit:</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Import into a New Log…</source>
        <translation>In ein neues Log &amp;importieren…</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>zähle…</translation>
    </message>
    <message>
        <source>The URI starts with postgresql:// or nats://.</source>
        <translation>Die URI beginnt mit postgresql:// oder nats://.</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>%1 is a date or an RFC 3339 time (2024-05-01 or 2024-05-01T12:00:00Z).</source>
        <translation>%1 ist ein Datum oder eine Zeit nach RFC 3339 (2024-05-01 oder 2024-05-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>Put the password in the Password field: the URI is remembered, the password never is.</source>
        <translation>Das Passwort gehört in das Feld Passwort: die URI wird gemerkt, das Passwort nie.</translation>
    </message>
    <message>
        <source>Keep &amp;following what the store appends</source>
        <translation>&amp;Weiter verfolgen, was der Store anhängt</translation>
    </message>
</context>
<context>
    <name>Chronoscope::SourceImportRunner</name>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde geschrieben.</translation>
    </message>
</context>
<context>
    <name>Chronoscope::StateInspector</name>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Find in state: text, or a path like /streams/order-3</source>
        <translation>Im Zustand suchen: Text oder ein Pfad wie /streams/order-3</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message numerus="yes">
        <source>After event %1: %n change(s) in %2</source>
        <translation>
            <numerusform>Nach Ereignis %1: %n Änderung in %2</numerusform>
            <numerusform>Nach Ereignis %1: %n Änderungen in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Before the first event</source>
        <translation>Vor dem ersten Ereignis</translation>
    </message>
    <message>
        <source>Nothing in the state matches &quot;%1&quot;.</source>
        <translation>Nichts im Zustand passt zu „%1“.</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Blame This Path</source>
        <translation>Wer hat diesen Pfad geändert?</translation>
    </message>
</context>
<context>
    <name>Chronoscope::TimelinePanel</name>
    <message>
        <source>Lanes per service</source>
        <translation>Spuren je Dienst</translation>
    </message>
    <message>
        <source>Lanes per stream family</source>
        <translation>Spuren je Stream-Familie</translation>
    </message>
    <message>
        <source>Lanes per event type</source>
        <translation>Spuren je Ereignistyp</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Bars: lag from recorded to processed (orange: a minute or more)</source>
        <translation>Balken: Verzögerung von Erfassung bis Verarbeitung (orange: eine Minute oder mehr)</translation>
    </message>
    <message>
        <source>Wheel or +/− zooms, dragging pans, 0 shows all; click selects an event, double-click replays to it.</source>
        <translation>Mausrad oder +/− zoomt, Ziehen verschiebt, 0 zeigt alles; Klick wählt ein Ereignis, Doppelklick spielt bis dorthin ab.</translation>
    </message>
</context>
<context>
    <name>Chronoscope::TimelineView</name>
    <message>
        <source>No events</source>
        <translation>Keine Ereignisse</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>Chronoscope::WatchTableModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Chronoscope::WatchesPanel</name>
    <message>
        <source>Add a watch: state.streams[&quot;order-31&quot;]?.total</source>
        <translation>Ausdruck überwachen: state.streams[&quot;order-31&quot;]?.total</translation>
    </message>
</context>
<context>
    <name>GoToEvent</name>
    <message>
        <source>Go to Event</source>
        <translation>Gehe zu Ereignis</translation>
    </message>
    <message>
        <source>Event seq, event id, or a time (2018-02-01T00:00:00Z):</source>
        <translation>Ereignisnummer, Ereignis-ID oder eine Zeit (2018-02-01T00:00:00Z):</translation>
    </message>
    <message>
        <source>There is no event &quot;%1&quot; in this log.</source>
        <translation>Dieses Log enthält kein Ereignis „%1“.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chronoscope, a debugger for event histories.</source>
        <translation>Chronoscope, ein Debugger für Ereignisverläufe.</translation>
    </message>
    <message>
        <source>The log to open (default: the bundled shop sample).</source>
        <translation>Das zu öffnende Log (Standard: das mitgelieferte Shop-Beispiel).</translation>
    </message>
    <message>
        <source>Replay to this event (its seq) once the log is open.</source>
        <translation>Nach dem Öffnen bis zu diesem Ereignis (seiner Nummer) abspielen.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once the replay is there, and quit (for the documentation).</source>
        <translation>Ein Bild des Fensters in DATEI speichern, sobald das Abspielen dort ist, und beenden (für die Dokumentation).</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>Fenstergröße, BREITExHÖHE.</translation>
    </message>
    <message>
        <source>light or dark (remembered for the next start).</source>
        <translation>light (hell) oder dark (dunkel); wird für den nächsten Start gemerkt.</translation>
    </message>
    <message>
        <source>Bring this panel to the front: branches, eventChain, compare, projections, timeline, breakpoints, watches.</source>
        <translation>Dieses Panel nach vorn holen: branches, eventChain, compare, projections, timeline, breakpoints, watches.</translation>
    </message>
    <message>
        <source>Debug this branch of the log instead of main.</source>
        <translation>Diesen Zweig des Logs statt main debuggen.</translation>
    </message>
</context>
</TS>
