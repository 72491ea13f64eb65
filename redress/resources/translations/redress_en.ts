<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentViewer</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message numerus="yes">
        <source>%n files added and encrypted.</source>
        <translation>
            <numerusform>%n file added and encrypted.</numerusform>
            <numerusform>%n files added and encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>%n case(s) with overdue deadlines</source>
        <translation>
            <numerusform>%n case with overdue deadlines</numerusform>
            <numerusform>%n cases with overdue deadlines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) due within 14 days</source>
        <translation>
            <numerusform>%n case due within 14 days</numerusform>
            <numerusform>%n cases due within 14 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new case(s) to screen</source>
        <translation>
            <numerusform>%n new case to screen</numerusform>
            <numerusform>%n new cases to screen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message numerus="yes">
        <source>✓ The audit log is intact: %n entries checked across the vault.</source>
        <translation>
            <numerusform>✓ The audit log is intact: %n entry checked across the vault.</numerusform>
            <numerusform>✓ The audit log is intact: %n entries checked across the vault.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n case(s) in the vault</source>
        <translation>
            <numerusform>%n case in the vault</numerusform>
            <numerusform>%n cases in the vault</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message numerus="yes">
        <source>%n possible conflicts with other cases.</source>
        <translation>
            <numerusform>%n possible conflict with other cases.</numerusform>
            <numerusform>%n possible conflicts with other cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No possible conflicts with the %n other cases in this vault.</source>
        <translation>
            <numerusform>No possible conflict with the one other case in this vault.</numerusform>
            <numerusform>No possible conflicts with the %n other cases in this vault.</numerusform>
        </translation>
    </message>
</context>
</TS>
