<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Open Log</source>
        <translation>Log öffnen</translation>
    </message>
    <message>
        <source>Chronoscope logs (*.chronolog);;All files (*)</source>
        <translation>Chronoscope-Logs (*.chronolog);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot Open Log</source>
        <translation>Log kann nicht geöffnet werden</translation>
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
        <source>Event %1 of %2</source>
        <translation>Ereignis %1 von %2</translation>
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
        <source>Cannot Open Log</source>
        <translation>Log kann nicht geöffnet werden</translation>
    </message>
</context>
</TS>
