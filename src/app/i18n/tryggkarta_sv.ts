<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>MapDocument</name>
    <message numerus="yes">
        <source>Ändra egenskaper för %n objekt</source>
        <translation>
            <numerusform>Ändra egenskaper för %n objekt</numerusform>
            <numerusform>Ändra egenskaper för %n objekt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n objekt</source>
        <translation>
            <numerusform>Ta bort %n objekt</numerusform>
            <numerusform>Ta bort %n objekt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Koppla åtgärd till %n observationer</source>
        <translation>
            <numerusform>Koppla åtgärd till %n observation</numerusform>
            <numerusform>Koppla åtgärd till %n observationer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lägg till %n foton</source>
        <translation>
            <numerusform>Lägg till %n foto</numerusform>
            <numerusform>Lägg till %n foton</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::AttributeDialog</name>
    <message numerus="yes">
        <source>%1 – %n objekt</source>
        <translation>
            <numerusform>%1 – %n objekt</numerusform>
            <numerusform>%1 – %n objekt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::AttributeForm</name>
    <message numerus="yes">
        <source>Du redigerar %n objekt samtidigt. Fält som visar &quot;(flera värden)&quot; lämnas orörda om du inte ändrar dem.</source>
        <translation>
            <numerusform>Du redigerar %n objekt. Fält som visar &quot;(flera värden)&quot; lämnas orörda om du inte ändrar dem.</numerusform>
            <numerusform>Du redigerar %n objekt samtidigt. Fält som visar &quot;(flera värden)&quot; lämnas orörda om du inte ändrar dem.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::AttributeTablePanel</name>
    <message numerus="yes">
        <source>Ta bort %n markerade objekt? Det går att ångra.</source>
        <translation>
            <numerusform>Ta bort %n markerat objekt? Det går att ångra.</numerusform>
            <numerusform>Ta bort %n markerade objekt? Det går att ångra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 av %2 objekt, %n markerade</source>
        <translation>
            <numerusform>%1 av %2 objekt, %n markerat</numerusform>
            <numerusform>%1 av %2 objekt, %n markerade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::ConflictDialog</name>
    <message numerus="yes">
        <source>Medan du arbetade har någon annan sparat ändringar i %n av de objekt du ändrat. Ingenting har sparats ännu. Välj för varje objekt om din ändring eller den andras ska gälla; sedan sparas allt.</source>
        <translation>
            <numerusform>Medan du arbetade har någon annan sparat ändringar i %n av de objekt du ändrat. Ingenting har sparats ännu. Välj för varje objekt om din ändring eller den andras ska gälla; sedan sparas allt.</numerusform>
            <numerusform>Medan du arbetade har någon annan sparat ändringar i %n av de objekt du ändrat. Ingenting har sparats ännu. Välj för varje objekt om din ändring eller den andras ska gälla; sedan sparas allt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::EditMenu</name>
    <message numerus="yes">
        <source>Ta bort %n markerade objekt? Det går att ångra.</source>
        <translation>
            <numerusform>Ta bort %n markerat objekt? Det går att ångra.</numerusform>
            <numerusform>Ta bort %n markerade objekt? Det går att ångra.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::HeatmapController</name>
    <message numerus="yes">
        <source>Värmekarta av %n synpunkt(er).</source>
        <translation>
            <numerusform>Värmekarta av %n synpunkt.</numerusform>
            <numerusform>Värmekarta av %n synpunkter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::LinkPanel</name>
    <message numerus="yes">
        <source>Åtgärd %1 besvarar %n observationer:</source>
        <translation>
            <numerusform>Åtgärd %1 besvarar %n observation:</numerusform>
            <numerusform>Åtgärd %1 besvarar %n observationer:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Koppla %n markerade</source>
        <translation>
            <numerusform>Koppla %n markerad</numerusform>
            <numerusform>Koppla %n markerade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::MapToolsController</name>
    <message numerus="yes">
        <source>%n objekt markerade</source>
        <translation>
            <numerusform>%n objekt markerat</numerusform>
            <numerusform>%n objekt markerade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::MoveTool</name>
    <message numerus="yes">
        <source>Flytta %n objekt</source>
        <translation>
            <numerusform>Flytta %n objekt</numerusform>
            <numerusform>Flytta %n objekt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::ObservationFilterBox</name>
    <message numerus="yes">
        <source>%n synpunkt(er) med plats tas med.</source>
        <translation>
            <numerusform>%n synpunkt med plats tas med.</numerusform>
            <numerusform>%n synpunkter med plats tas med.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::PhotoPanel</name>
    <message numerus="yes">
        <source>%n foton. Dra bildfiler hit för att lägga till.</source>
        <translation>
            <numerusform>%n foto. Dra bildfiler hit för att lägga till fler.</numerusform>
            <numerusform>%n foton. Dra bildfiler hit för att lägga till fler.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::PlanDialog</name>
    <message numerus="yes">
        <source>Planen med %n åtgärder sparades i %1 (%2 sidor). Vill du öppna den?</source>
        <translation>
            <numerusform>Planen med %n åtgärd sparades i %1 (%2 sidor). Vill du öppna den?</numerusform>
            <numerusform>Planen med %n åtgärder sparades i %1 (%2 sidor). Vill du öppna den?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::PriorityPanel</name>
    <message numerus="yes">
        <source>%n plats(er) av %1 synpunkter; %2 hör inte till någon plats.</source>
        <translation>
            <numerusform>%n plats av %1 synpunkter; %2 hör inte till någon plats.</numerusform>
            <numerusform>%n platser av %1 synpunkter; %2 hör inte till någon plats.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::WalkMode</name>
    <message numerus="yes">
        <source>Protokollet sparades: %1 (%n platser)</source>
        <translation>
            <numerusform>Protokollet sparades: %1 (%n plats)</numerusform>
            <numerusform>Protokollet sparades: %1 (%n platser)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::WalkPanel</name>
    <message numerus="yes">
        <source>%1 · %2 m · %n observationer · %3</source>
        <translation>
            <numerusform>%1 · %2 m · %n observation · %3</numerusform>
            <numerusform>%1 · %2 m · %n observationer · %3</numerusform>
        </translation>
    </message>
</context>
</TS>
