<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>MapDocument</name>
    <message>
        <source>Lägg till i %1</source>
        <translation>Add to %1</translation>
    </message>
    <message>
        <source>Ändra egenskaper</source>
        <translation>Change properties</translation>
    </message>
    <message numerus="yes">
        <source>Ändra egenskaper för %n objekt</source>
        <translation>
            <numerusform>Change properties of %n feature</numerusform>
            <numerusform>Change properties of %n features</numerusform>
        </translation>
    </message>
    <message>
        <source>Ändra form</source>
        <translation>Change shape</translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n objekt</source>
        <translation>
            <numerusform>Remove %n feature</numerusform>
            <numerusform>Remove %n features</numerusform>
        </translation>
    </message>
    <message>
        <source>Importera %1</source>
        <translation>Import %1</translation>
    </message>
    <message numerus="yes">
        <source>Koppla åtgärd till %n observationer</source>
        <translation>
            <numerusform>Link measure to %n observation</numerusform>
            <numerusform>Link measure to %n observations</numerusform>
        </translation>
    </message>
    <message>
        <source>Ta bort koppling</source>
        <translation>Remove link</translation>
    </message>
    <message numerus="yes">
        <source>Lägg till %n foton</source>
        <translation>
            <numerusform>Add %n photo</numerusform>
            <numerusform>Add %n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Ta bort foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Ta den andras ändring</source>
        <translation>Take the other editor&apos;s change</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Öppnar %1 …</source>
        <translation>Opening %1 …</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tryggkarta-projekt (*.gpkg)</source>
        <translation>Tryggkarta projects (*.gpkg)</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Återställa ändringar?</source>
        <translation>Restore changes?</translation>
    </message>
    <message>
        <source>Det finns osparade ändringar från %1 i en återställningsfil. Vill du återställa dem?</source>
        <translation>There are unsaved changes from %1 in a recovery file. Do you want to restore them?</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Kasta</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Återställningskopia sparad %1</source>
        <translation>Recovery copy saved %1</translation>
    </message>
    <message>
        <source>Återställningskopian kunde inte sparas: %1</source>
        <translation>The recovery copy could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>SaveFailure</name>
    <message>
        <source>Projektfilen %1 finns inte längre: den har tagits bort eller flyttats, eller ligger på en enhet som inte är ansluten.</source>
        <translation>The project file %1 is no longer there: it has been deleted or moved, or is on a drive that is not connected.</translation>
    </message>
    <message>
        <source>Projektfilen %1 eller mappen den ligger i är skrivskyddad.</source>
        <translation>The project file %1 or its folder is read-only.</translation>
    </message>
    <message>
        <source>Disken är full: %1 kunde inte sparas.</source>
        <translation>The disk is full: %1 could not be saved.</translation>
    </message>
    <message>
        <source>Ett annat program (till exempel QGIS) skriver i %1 just nu.</source>
        <translation>Another program (QGIS, for example) is writing to %1 right now.</translation>
    </message>
    <message>
        <source>%1 kunde inte sparas.</source>
        <translation>%1 could not be saved.</translation>
    </message>
    <message>
        <source>Spara ändringarna med Spara som, eller anslut enheten och spara igen.</source>
        <translation>Save the changes with Save As, or connect the drive and save again.</translation>
    </message>
    <message>
        <source>Spara ändringarna under ett annat namn med Spara som, eller ta bort skrivskyddet och spara igen.</source>
        <translation>Save the changes under another name with Save As, or remove the write protection and save again.</translation>
    </message>
    <message>
        <source>Frigör utrymme och spara igen, eller spara på en annan disk med Spara som.</source>
        <translation>Free some space and save again, or save to another disk with Save As.</translation>
    </message>
    <message>
        <source>Stäng projektet i det andra programmet och spara igen.</source>
        <translation>Close the project in the other program and save again.</translation>
    </message>
    <message>
        <source>Försök igen, eller spara under ett annat namn med Spara som.</source>
        <translation>Try again, or save under another name with Save As.</translation>
    </message>
    <message>
        <source>Dina ändringar finns kvar i programmet och i återställningskopian.</source>
        <translation>Your changes are still in the program and in the recovery copy.</translation>
    </message>
    <message>
        <source>Projektet kunde inte sparas</source>
        <translation>The project could not be saved</translation>
    </message>
    <message>
        <source>Spara som…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Databasen %1 på %2 tog inte emot ändringarna: %3</source>
        <translation>The database %1 on %2 did not take the changes: %3</translation>
    </message>
    <message>
        <source>Dina ändringar finns kvar i programmet och i återställningskopian. Försök igen när förbindelsen fungerar, eller spara en kopia som fil med Spara som.</source>
        <translation>Your changes are kept in the program and in the recovery copy. Try again when the connection works, or save a copy as a file with Save As.</translation>
    </message>
</context>
<context>
    <name>trygg::AddPointTool</name>
    <message>
        <source>Välj ett lager att lägga till i.</source>
        <translation>Choose a layer to add to.</translation>
    </message>
    <message>
        <source>Lagret tar inte emot punkter.</source>
        <translation>The layer does not take points.</translation>
    </message>
</context>
<context>
    <name>trygg::AnalysisActions</name>
    <message>
        <source>&amp;Värmekarta…</source>
        <translation>&amp;Heat map…</translation>
    </message>
    <message>
        <source>Visa var synpunkterna ligger tätt, som en färgad yta över kartan</source>
        <translation>Show where observations are dense, as a coloured surface over the map</translation>
    </message>
    <message>
        <source>Ta bort värmekartan</source>
        <translation>Remove the heat map</translation>
    </message>
    <message>
        <source>Spara värmekartan som GeoTIFF…</source>
        <translation>Save the heat map as GeoTIFF…</translation>
    </message>
    <message>
        <source>För QGIS och andra GIS-program: ett rasterlager med tätheten i varje ruta</source>
        <translation>For QGIS and other GIS programs: a raster layer with the density in each cell</translation>
    </message>
    <message>
        <source>&amp;Heta och kalla punkter…</source>
        <translation>&amp;Hot and cold spots…</translation>
    </message>
    <message>
        <source>Sexkantiga rutor där synpunkterna samlas mer (röda) eller mindre (blå) än slumpen förklarar</source>
        <translation>Hexagonal cells where observations gather more (red) or less (blue) than chance explains</translation>
    </message>
    <message>
        <source>Prioriterade platser</source>
        <translation>Priority places</translation>
    </message>
    <message>
        <source>&amp;Prioriterade platser</source>
        <translation>&amp;Priority places</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>&amp;Uppföljning av löften och åtgärder</source>
        <translation>&amp;Follow-up of promises and measures</translation>
    </message>
    <message>
        <source>Ångra med Ctrl+Z.</source>
        <translation>Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Spara värmekartan</source>
        <translation>Save the heat map</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Värmekartan sparades inte</source>
        <translation>The heat map was not saved</translation>
    </message>
    <message>
        <source>Värmekartan sparad i %1</source>
        <translation>Heat map saved in %1</translation>
    </message>
</context>
<context>
    <name>trygg::AttributeDialog</name>
    <message numerus="yes">
        <source>%1 – %n objekt</source>
        <translation>
            <numerusform>%1 – %n feature</numerusform>
            <numerusform>%1 – %n features</numerusform>
        </translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Kasta ändringarna?</source>
        <translation>Discard the changes?</translation>
    </message>
    <message>
        <source>Det du har ändrat i formuläret sparas inte.</source>
        <translation>What you changed in the form will not be saved.</translation>
    </message>
    <message>
        <source>Kasta ändringarna</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Fortsätt redigera</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>trygg::AttributeForm</name>
    <message>
        <source>Obligatoriskt fält</source>
        <translation>Required field</translation>
    </message>
    <message>
        <source>Personuppgift</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Personuppgift: tas inte med i export till konsulter eller publika kartor.</source>
        <translation>Personal data: left out of exports to consultants and of public maps.</translation>
    </message>
    <message numerus="yes">
        <source>Du redigerar %n objekt samtidigt. Fält som visar &quot;(flera värden)&quot; lämnas orörda om du inte ändrar dem.</source>
        <translation>
            <numerusform>You are editing %n feature. Fields showing &quot;(several values)&quot; are left as they are unless you change them.</numerusform>
            <numerusform>You are editing %n features at once. Fields showing &quot;(several values)&quot; are left as they are unless you change them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fältet måste fyllas i</source>
        <translation>This field is required</translation>
    </message>
    <message>
        <source>Värdet %1 finns inte i värdelistan</source>
        <translation>The value %1 is not in the list of values</translation>
    </message>
    <message>
        <source>Lägsta tillåtna värde är %1</source>
        <translation>The lowest value allowed is %1</translation>
    </message>
    <message>
        <source>Högsta tillåtna värde är %1</source>
        <translation>The highest value allowed is %1</translation>
    </message>
    <message>
        <source>Högst %1 tecken får plats, texten har %2</source>
        <translation>At most %1 characters fit; the text has %2</translation>
    </message>
    <message>
        <source>Ogiltigt värde (%1)</source>
        <translation>Invalid value (%1)</translation>
    </message>
</context>
<context>
    <name>trygg::AttributeTableDelegate</name>
    <message>
        <source>%1 (finns inte i listan)</source>
        <translation>%1 (not in the list)</translation>
    </message>
</context>
<context>
    <name>trygg::AttributeTableModel</name>
    <message>
        <source>Personuppgift: tas inte med i export till konsulter eller publika kartor.</source>
        <translation>Personal data: left out of exports to consultants and of public maps.</translation>
    </message>
    <message>
        <source>Lagret kan inte redigeras</source>
        <translation>This layer cannot be edited</translation>
    </message>
    <message>
        <source>%1: %2 kan inte läsas som ett värde i fältet</source>
        <translation>%1: %2 cannot be read as a value of this field</translation>
    </message>
    <message>
        <source>Ändringen sparades inte: %1</source>
        <translation>The change was not saved: %1</translation>
    </message>
    <message>
        <source>%1: fältet måste fyllas i</source>
        <translation>%1: the field must be filled in</translation>
    </message>
    <message>
        <source>%1: värdet %2 finns inte i värdelistan</source>
        <translation>%1: the value %2 is not in the list of values</translation>
    </message>
    <message>
        <source>%1: lägsta tillåtna värde är %2</source>
        <translation>%1: the lowest value allowed is %2</translation>
    </message>
    <message>
        <source>%1: högsta tillåtna värde är %2</source>
        <translation>%1: the highest value allowed is %2</translation>
    </message>
    <message>
        <source>%1: högst %2 tecken får plats</source>
        <translation>%1: at most %2 characters fit</translation>
    </message>
    <message>
        <source>%1: ogiltigt värde (%2)</source>
        <translation>%1: invalid value (%2)</translation>
    </message>
</context>
<context>
    <name>trygg::AttributeTablePanel</name>
    <message>
        <source>Ta bort objekt</source>
        <translation>Remove features</translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n markerade objekt? Det går att ångra.</source>
        <translation>
            <numerusform>Remove %n selected feature? It can be undone.</numerusform>
            <numerusform>Remove %n selected features? It can be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lager:</source>
        <translation>&amp;Layer:</translation>
    </message>
    <message>
        <source>Bara markerade</source>
        <translation>Only selected</translation>
    </message>
    <message>
        <source>Visa bara de markerade objekten</source>
        <translation>Show only the selected features</translation>
    </message>
    <message>
        <source>Filter, t.ex. kategori = belysning och kansla &lt;= 1</source>
        <translation>Filter, e.g. kategori = belysning and kansla &lt;= 1</translation>
    </message>
    <message>
        <source>Markera filtrerade</source>
        <translation>Select filtered</translation>
    </message>
    <message>
        <source>Markera alla objekt som filtret visar</source>
        <translation>Select all features the filter shows</translation>
    </message>
    <message>
        <source>Zooma till</source>
        <translation>Zoom to</translation>
    </message>
    <message>
        <source>Visa de markerade objekten på kartan. Dubbelklicka på en rad för att zooma till den.</source>
        <translation>Show the selected features on the map. Double-click a row to zoom to it.</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort de markerade objekten (kan ångras)</source>
        <translation>Remove the selected features (can be undone)</translation>
    </message>
    <message>
        <source>Filtret kan inte läsas: %1</source>
        <translation>The filter cannot be read: %1</translation>
    </message>
    <message>
        <source>Skriv ett villkor för att bara visa vissa objekt</source>
        <translation>Write a condition to show only some features</translation>
    </message>
    <message numerus="yes">
        <source>%1 av %2 objekt, %n markerade</source>
        <translation>
            <numerusform>%1 of %2 features, %n selected</numerusform>
            <numerusform>%1 of %2 features, %n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Objekten togs inte bort: %1</source>
        <translation>The features were not removed: %1</translation>
    </message>
</context>
<context>
    <name>trygg::CalendarEditor</name>
    <message>
        <source>Tiden sparas med denna skillnad mot UTC</source>
        <translation>The time is saved with this offset from UTC</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Töm fältet</source>
        <translation>Clear the field</translation>
    </message>
    <message>
        <source>(flera värden)</source>
        <translation>(several values)</translation>
    </message>
</context>
<context>
    <name>trygg::ChoiceEditor</name>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>%1 (finns inte i listan)</source>
        <translation>%1 (not in the list)</translation>
    </message>
    <message>
        <source>(flera värden)</source>
        <translation>(several values)</translation>
    </message>
</context>
<context>
    <name>trygg::ConflictDialog</name>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>annan form</source>
        <translation>other shape</translation>
    </message>
    <message>
        <source>Läge/form</source>
        <translation>Position/shape</translation>
    </message>
    <message>
        <source>Någon annan har ändrat samma objekt</source>
        <translation>Someone else has changed the same features</translation>
    </message>
    <message numerus="yes">
        <source>Medan du arbetade har någon annan sparat ändringar i %n av de objekt du ändrat. Ingenting har sparats ännu. Välj för varje objekt om din ändring eller den andras ska gälla; sedan sparas allt.</source>
        <translation>
            <numerusform>While you worked, someone else saved changes to %n of the features you changed. Nothing has been saved yet. Choose for each feature whether your change or theirs applies; then everything is saved.</numerusform>
            <numerusform>While you worked, someone else saved changes to %n of the features you changed. Nothing has been saved yet. Choose for each feature whether your change or theirs applies; then everything is saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Objekt och fält</source>
        <translation>Feature and field</translation>
    </message>
    <message>
        <source>Din ändring</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>Den andras</source>
        <translation>The other editor&apos;s</translation>
    </message>
    <message>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Behåll alla mina</source>
        <translation>Keep all mine</translation>
    </message>
    <message>
        <source>Ta alla deras</source>
        <translation>Take all theirs</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 nr %2</source>
        <translation>%1 no. %2</translation>
    </message>
    <message>
        <source>borttaget av dig</source>
        <translation>deleted by you</translation>
    </message>
    <message>
        <source>ändrat av dig</source>
        <translation>changed by you</translation>
    </message>
    <message>
        <source>borttaget av någon annan</source>
        <translation>deleted by someone else</translation>
    </message>
    <message>
        <source>ändrat av någon annan</source>
        <translation>changed by someone else</translation>
    </message>
    <message>
        <source>Min ändring</source>
        <translation>My change</translation>
    </message>
</context>
<context>
    <name>trygg::DatabaseActions</name>
    <message>
        <source>%1 på %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Öppna från &amp;databas…</source>
        <translation>Open from &amp;database…</translation>
    </message>
    <message>
        <source>Öppna ett gemensamt projekt som flera arbetar i samtidigt</source>
        <translation>Open a shared project that several people work in at the same time</translation>
    </message>
    <message>
        <source>Öppnar projektet i databasen…</source>
        <translation>Opening the project in the database…</translation>
    </message>
    <message>
        <source>Avbrutet</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Databasen kunde inte öppnas</source>
        <translation>The database could not be opened</translation>
    </message>
    <message>
        <source>Öppnade %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Återställningskopian kunde inte läsas</source>
        <translation>The recovery copy could not be read</translation>
    </message>
    <message>
        <source>Osparade ändringar återställda: spara för att föra in dem i databasen</source>
        <translation>Unsaved changes recovered: save to put them into the database</translation>
    </message>
    <message>
        <source>Sparat i databasen</source>
        <translation>Saved in the database</translation>
    </message>
    <message>
        <source>Inte sparat: ändringarna finns kvar</source>
        <translation>Not saved: the changes are kept</translation>
    </message>
    <message>
        <source>Projektet kunde inte sparas</source>
        <translation>The project could not be saved</translation>
    </message>
</context>
<context>
    <name>trygg::DatabaseDialog</name>
    <message>
        <source>Öppna från databas</source>
        <translation>Open from database</translation>
    </message>
    <message>
        <source>Ett gemensamt projekt i en PostgreSQL-databas med PostGIS, som kommunen, polisen och andra arbetar i samtidigt. Fråga den som har hand om databasen efter uppgifterna.</source>
        <translation>A shared project in a PostgreSQL database with PostGIS that the municipality, the police and others work in at the same time. Ask whoever looks after the database for these details.</translation>
    </message>
    <message>
        <source>Lösenordet sparas inte.</source>
        <translation>The password is not saved.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Databas:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Användare:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Lösenord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fyll i server, databas och användare, utan mellanslag eller citattecken.</source>
        <translation>Fill in server, database and user, without spaces or quotes.</translation>
    </message>
</context>
<context>
    <name>trygg::EditMenu</name>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ta bort markerade</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <source>Avmar&amp;kera</source>
        <translation>&amp;Deselect</translation>
    </message>
    <message>
        <source>Ändringshistorik</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>&lt;öppnat projekt&gt;</source>
        <translation>&lt;project opened&gt;</translation>
    </message>
    <message>
        <source>Ån&amp;gra: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>Ån&amp;gra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Gör om: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <source>&amp;Gör om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message numerus="yes">
        <source>Ta bort %n markerade objekt? Det går att ångra.</source>
        <translation>
            <numerusform>Remove %n selected feature? It can be undone.</numerusform>
            <numerusform>Remove %n selected features? It can be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::ExchangeActions</name>
    <message>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Lämna ut lager till konsulter eller allmänheten (Shape, GeoPackage, GeoJSON, CSV, KML …), utan personuppgifter om du vill</source>
        <translation>Hand layers to consultants or the public (Shape, GeoPackage, GeoJSON, CSV, KML …), without personal data if you wish</translation>
    </message>
    <message>
        <source>Åtgärds&amp;plan…</source>
        <translation>Action &amp;plan…</translation>
    </message>
    <message>
        <source>Skriv åtgärdsplanen som PDF eller bilder: karta med numrerade åtgärder, tabell och kostnader per ansvarig</source>
        <translation>Write the action plan as PDF or images: a map with numbered measures, a table and the costs per responsible body</translation>
    </message>
    <message>
        <source>&amp;Importera till lager…</source>
        <translation>&amp;Import into layer…</translation>
    </message>
    <message>
        <source>Lägg till objekt från en fil (Shape, GeoPackage, CSV, GeoJSON …) i ett av projektets lager</source>
        <translation>Add features from a file (Shape, GeoPackage, CSV, GeoJSON …) to one of the project&apos;s layers</translation>
    </message>
    <message>
        <source>Importera &amp;foton från mapp…</source>
        <translation>Import &amp;photos from folder…</translation>
    </message>
    <message>
        <source>Varje foto med GPS-position blir en observation där det togs, med fotot bifogat</source>
        <translation>Each photo with a GPS position becomes an observation where it was taken, with the photo attached</translation>
    </message>
    <message>
        <source>Importera till lager</source>
        <translation>Import into layer</translation>
    </message>
    <message>
        <source>Vektordata (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.xlsx *.ods);;Alla filer (*)</source>
        <translation>Vector data (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.xlsx *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>Importerat. Ångra med Ctrl+Z.</source>
        <translation>Imported. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Välj mapp med foton</source>
        <translation>Choose a folder of photos</translation>
    </message>
    <message>
        <source>Fotona är importerade. Ångra med Ctrl+Z.</source>
        <translation>The photos are imported. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Exporterat till %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Åtgärdsplanen sparades i %1</source>
        <translation>The action plan was saved in %1</translation>
    </message>
</context>
<context>
    <name>trygg::ExportDialog</name>
    <message>
        <source>Exportera data</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>Shapefil-paket för konsulter</source>
        <translation>Shapefile package for consultants</translation>
    </message>
    <message>
        <source>GeoPackage med stilar (QGIS)</source>
        <translation>GeoPackage with styles (QGIS)</translation>
    </message>
    <message>
        <source>GeoJSON (webbkartor)</source>
        <translation>GeoJSON (web maps)</translation>
    </message>
    <message>
        <source>CSV (kalkylark)</source>
        <translation>CSV (spreadsheet)</translation>
    </message>
    <message>
        <source>KML (Google Earth)</source>
        <translation>KML (Google Earth)</translation>
    </message>
    <message>
        <source>GPX (GPS-mottagare)</source>
        <translation>GPX (GPS receivers)</translation>
    </message>
    <message>
        <source>DXF (CAD-ritning)</source>
        <translation>DXF (CAD drawing)</translation>
    </message>
    <message>
        <source>Vem ska få exporten?</source>
        <translation>Who is the export for?</translation>
    </message>
    <message>
        <source>Internt</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Allt kommer med, även namn och kontaktuppgifter.</source>
        <translation>Everything is included, even names and contact details.</translation>
    </message>
    <message>
        <source>Konsult</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <source>Allt utom personuppgifter (den som rapporterat, kontaktuppgifter).</source>
        <translation>Everything except personal data (who reported, contact details).</translation>
    </message>
    <message>
        <source>Allmänheten</source>
        <translation>The public</translation>
    </message>
    <message>
        <source>Synpunkter bara som antal per sexhörning, utan fritext; rutor med få synpunkter döljs.</source>
        <translation>Observations only as counts per hexagon, without free text; cells with few observations are hidden.</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Sexhörningarnas bredd mellan de raka sidorna</source>
        <translation>Width of the hexagons between their flat sides</translation>
    </message>
    <message>
        <source>Sexhörningar med färre synpunkter än så här tas inte med</source>
        <translation>Hexagons with fewer observations than this are left out</translation>
    </message>
    <message>
        <source>Sexhörningarnas storlek:</source>
        <translation>Hexagon size:</translation>
    </message>
    <message>
        <source>Minsta antal per sexhörning:</source>
        <translation>Minimum count per hexagon:</translation>
    </message>
    <message>
        <source>Lager</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Det här formatet skrivs alltid i WGS 84 (latitud/longitud).</source>
        <translation>This format is always written in WGS 84 (latitude/longitude).</translation>
    </message>
    <message>
        <source>Språk för värdenas texter och datakatalogen</source>
        <translation>Language of the value labels and the data dictionary</translation>
    </message>
    <message>
        <source>Packa i en zip-fil</source>
        <translation>Pack into a zip file</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Koordinatsystem:</source>
        <translation>Coordinate system:</translation>
    </message>
    <message>
        <source>Språk:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Spara i:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>Projektet har ändringar som inte är sparade. Exporten tar med dem som de är nu; projektfilen ändras inte.</source>
        <translation>The project has unsaved changes. The export includes them as they are now; the project file is not changed.</translation>
    </message>
    <message>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Inga lager med objekt att exportera</source>
        <translation>No layers with features to export</translation>
    </message>
    <message>
        <source>Exportera till fil</source>
        <translation>Export to file</translation>
    </message>
    <message>
        <source>%1-fil (*.%2)</source>
        <translation>%1 file (*.%2)</translation>
    </message>
    <message>
        <source>Välj mappen där exporten ska ligga</source>
        <translation>Choose the folder to put the export in</translation>
    </message>
    <message>
        <source>Välj minst ett lager att exportera.</source>
        <translation>Choose at least one layer to export.</translation>
    </message>
    <message>
        <source>Ange var exporten ska sparas.</source>
        <translation>Say where the export should be saved.</translation>
    </message>
    <message>
        <source>%1 finns redan. Vill du ersätta den med den här exporten?</source>
        <translation>%1 already exists. Do you want to replace it with this export?</translation>
    </message>
    <message>
        <source>Exporterar till %1 …</source>
        <translation>Exporting to %1 …</translation>
    </message>
    <message>
        <source>Exporten avbröts. Ingenting har skrivits.</source>
        <translation>The export was cancelled. Nothing was written.</translation>
    </message>
    <message>
        <source>Exporten misslyckades</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Kunde inte exportera till %1:

%2</source>
        <translation>Could not export to %1:

%2</translation>
    </message>
    <message>
        <source>Innehåll:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <source>  %1: %2 objekt</source>
        <translation>  %1: %2 features</translation>
    </message>
    <message>
        <source>Exportlogg (vad som utelämnats eller ändrats):</source>
        <translation>Export log (what was left out or changed):</translation>
    </message>
    <message>
        <source>Exporten är klar</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Exporten är sparad i %1</source>
        <translation>The export is saved in %1</translation>
    </message>
    <message>
        <source>Öppna mappen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ta med foton</source>
        <translation>Include photos</translation>
    </message>
    <message>
        <source>Fotona till de exporterade objekten, i en egen mapp, med en hänvisning från varje objekt</source>
        <translation>The photos of the exported features, in a folder of their own, referred to from each feature</translation>
    </message>
    <message>
        <source>Foton tas aldrig med i en export för allmänheten: ett foto kan visa vem någon är.</source>
        <translation>Photos are never included in an export for the public: a photo can show who someone is.</translation>
    </message>
    <message>
        <source>Fotona tas med utan uppgifter om plats, tid och kamera.</source>
        <translation>The photos are included without place, time and camera details.</translation>
    </message>
    <message>
        <source>Fotona tas med som de är, med uppgifter om plats, tid och kamera.</source>
        <translation>The photos are included as they are, with place, time and camera details.</translation>
    </message>
    <message>
        <source>  Foton: %1 med, %2 utelämnade</source>
        <translation>  Photos: %1 included, %2 left out</translation>
    </message>
</context>
<context>
    <name>trygg::FeatureEditing</name>
    <message>
        <source>&amp;Egenskaper…</source>
        <translation>&amp;Properties…</translation>
    </message>
    <message>
        <source>Visa och ändra de markerade objektens egenskaper</source>
        <translation>Show and change the properties of the selected features</translation>
    </message>
</context>
<context>
    <name>trygg::FollowUpCharts</name>
    <message>
        <source>%1 kr</source>
        <translation>SEK %1</translation>
    </message>
    <message>
        <source>Utan medborgarlöfte</source>
        <translation>Without citizen promise</translation>
    </message>
    <message>
        <source>Åtgärdas</source>
        <translation>Being acted on</translation>
    </message>
    <message>
        <source>Förslag finns</source>
        <translation>Proposal exists</translation>
    </message>
    <message>
        <source>Inget görs</source>
        <translation>Nothing done</translation>
    </message>
    <message>
        <source>Åtgärder per medborgarlöfte och status</source>
        <translation>Measures per citizen promise and status</translation>
    </message>
    <message>
        <source>Kostnad per status</source>
        <translation>Cost per status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>kr</source>
        <translation>SEK</translation>
    </message>
    <message>
        <source>Åtgärder efter datum för klart senast</source>
        <translation>Measures by deadline</translation>
    </message>
    <message>
        <source>Ingen åtgärd har datum för klart senast.</source>
        <translation>No measure has a deadline.</translation>
    </message>
    <message>
        <source>Försenad</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Idag %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source> (försenad)</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>Vad görs åt de otrygga synpunkterna?</source>
        <translation>What is being done about the unsafe observations?</translation>
    </message>
    <message>
        <source>Åtgärder utan kostnad, räknade som 0 kr: %1.</source>
        <translation>Measures without a cost, counted as SEK 0: %1.</translation>
    </message>
    <message>
        <source>Alla synpunkter, även trygga och trivsamma: %1, varav %2 åtgärdas.</source>
        <translation>All observations, safe and pleasant ones too: %1, of which %2 are being acted on.</translation>
    </message>
    <message>
        <source>Inga otrygga synpunkter i projektet.</source>
        <translation>No unsafe observations in the project.</translation>
    </message>
</context>
<context>
    <name>trygg::FollowUpPanel</name>
    <message>
        <source>Löften</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Synpunkter</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>Före och efter</source>
        <translation>Before and after</translation>
    </message>
    <message>
        <source>Synpunkter från trygghetsvandringar nära en åtgärd, före och efter att den gjordes. En klar åtgärd räknas som gjord det datum den skulle vara klar, annars vid uppföljningen.</source>
        <translation>Observations from safety walks near a measure, before and after it was carried out. A finished measure counts as done on its deadline, otherwise at the follow-up.</translation>
    </message>
    <message>
        <source>Avstånd:</source>
        <translation>Distance:</translation>
    </message>
    <message>
        <source>Ingen åtgärd har vandringar både före och efter</source>
        <translation>No measure has walks both before and after</translation>
    </message>
    <message>
        <source>Före</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Efter</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Vandring</source>
        <translation>Walk</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Känsla</source>
        <translation>Feeling</translation>
    </message>
    <message>
        <source>Ljus</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Avstånd</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Projektet har inget lager med åtgärder.</source>
        <translation>The project has no measures layer.</translation>
    </message>
    <message>
        <source>Läget %1: %2 åtgärder, försenade: %3.</source>
        <translation>Status on %1: %2 measures, overdue: %3.</translation>
    </message>
    <message>
        <source>%1 (nr %2)</source>
        <translation>%1 (no. %2)</translation>
    </message>
    <message>
        <source>Före: vandringar före %1. Efter: vandringar från %2.</source>
        <translation>Before: walks before %1. After: walks from %2.</translation>
    </message>
    <message>
        <source>Vandringar medan arbetet pågick räknas inte: %1.</source>
        <translation>Walks while the work was going on are not counted: %1.</translation>
    </message>
    <message>
        <source>inga synpunkter här</source>
        <translation>no observations here</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>Synpunkter: %1 · medelkänsla %2 (0–3) · otrygga %3</source>
        <translation>Observations: %1 · mean feeling %2 (0–3) · unsafe %3</translation>
    </message>
</context>
<context>
    <name>trygg::GpsTracker</name>
    <message>
        <source>GPS: NMEA-loggen %1 kan inte läsas</source>
        <translation>GPS: cannot read the NMEA log %1</translation>
    </message>
    <message>
        <source>GPS: ingen positionskälla finns på den här datorn</source>
        <translation>GPS: this computer has no position source</translation>
    </message>
    <message>
        <source>GPS: positionskällan svarar inte</source>
        <translation>GPS: the position source does not answer</translation>
    </message>
    <message>
        <source>GPS-källa</source>
        <translation>GPS source</translation>
    </message>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Datorns egen positionering</source>
        <translation>This computer&apos;s own positioning</translation>
    </message>
    <message>
        <source>NMEA-logg (fil)</source>
        <translation>NMEA log (file)</translation>
    </message>
    <message>
        <source>NMEA-mottagare (seriell port)</source>
        <translation>NMEA receiver (serial port)</translation>
    </message>
    <message>
        <source>Fil eller port, t.ex. /dev/ttyUSB0</source>
        <translation>File or port, e.g. /dev/ttyUSB0</translation>
    </message>
    <message>
        <source>Bläddra…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>NMEA-logg</source>
        <translation>NMEA log</translation>
    </message>
    <message>
        <source>NMEA (*.nmea *.txt *.log);;Alla filer (*)</source>
        <translation>NMEA (*.nmea *.txt *.log);;All files (*)</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Fil eller port</source>
        <translation>File or port</translation>
    </message>
    <message>
        <source>GPS: NMEA-loggen %1 innehåller inga positioner som går att läsa</source>
        <translation>GPS: the NMEA log %1 contains no readable positions</translation>
    </message>
    <message>
        <source>GPS: %1 av %2 rader i NMEA-loggen %3 går inte att läsa och hoppas över (den första är rad %4)</source>
        <translation>GPS: %1 of %2 lines in the NMEA log %3 cannot be read and are skipped (the first is line %4)</translation>
    </message>
</context>
<context>
    <name>trygg::HeatmapController</name>
    <message>
        <source>Värmekartan kunde inte beräknas</source>
        <translation>The heat map could not be computed</translation>
    </message>
    <message>
        <source>Projektet har inget lager med synpunkter.</source>
        <translation>The project has no observations layer.</translation>
    </message>
    <message>
        <source>Beräknar värmekartan…</source>
        <translation>Computing the heat map…</translation>
    </message>
    <message numerus="yes">
        <source>Värmekarta av %n synpunkt(er).</source>
        <translation>
            <numerusform>Heat map of %n observation.</numerusform>
            <numerusform>Heat map of %n observations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sparar värmekartan…</source>
        <translation>Saving the heat map…</translation>
    </message>
</context>
<context>
    <name>trygg::HeatmapDialog</name>
    <message>
        <source>Värmekarta</source>
        <translation>Heat map</translation>
    </message>
    <message>
        <source>Var ligger synpunkterna tätt? Varje synpunkt sprids ut över en cirkel med den valda radien; där många cirklar överlappar blir kartan varm. Samma beräkning som QGIS verktyg Heatmap (Kernel Density Estimation).</source>
        <translation>Where are observations dense? Each observation is spread over a circle of the chosen radius; where many circles overlap the map turns warm. The same computation as the QGIS tool Heatmap (Kernel Density Estimation).</translation>
    </message>
    <message>
        <source>Hur synpunkterna sprids</source>
        <translation>How observations are spread</translation>
    </message>
    <message>
        <source>Kvartisk (mjuk kulle, QGIS standard)</source>
        <translation>Quartic (soft hill, QGIS default)</translation>
    </message>
    <message>
        <source>Triangulär (avtar jämnt)</source>
        <translation>Triangular (falls off evenly)</translation>
    </message>
    <message>
        <source>Likformig (lika mycket i hela cirkeln)</source>
        <translation>Uniform (the same in the whole circle)</translation>
    </message>
    <message>
        <source>Triweight (brantare kulle)</source>
        <translation>Triweight (steeper hill)</translation>
    </message>
    <message>
        <source>Epanechnikov (rundad kulle)</source>
        <translation>Epanechnikov (rounded hill)</translation>
    </message>
    <message>
        <source>Föreslå</source>
        <translation>Suggest</translation>
    </message>
    <message>
        <source>Silvermans tumregel: räknas ut från hur utspridda de valda synpunkterna är.</source>
        <translation>Silverman&apos;s rule of thumb: computed from how spread out the chosen observations are.</translation>
    </message>
    <message>
        <source>Varje synpunkt väger lika</source>
        <translation>Every observation weighs the same</translation>
    </message>
    <message>
        <source>Råa värden (summan av kullarna)</source>
        <translation>Raw values (the sum of the hills)</translation>
    </message>
    <message>
        <source>Skalade värden (täthet per m²)</source>
        <translation>Scaled values (density per m²)</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Shape:</translation>
    </message>
    <message>
        <source>Radie:</source>
        <translation>Radius:</translation>
    </message>
    <message>
        <source>Rutstorlek:</source>
        <translation>Cell size:</translation>
    </message>
    <message>
        <source>Vikt:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>Värden:</source>
        <translation>Values:</translation>
    </message>
    <message>
        <source>Visa på kartan</source>
        <translation>Show on the map</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>förslag: %1 m</source>
        <translation>suggested: %1 m</translation>
    </message>
    <message>
        <source>för få synpunkter för ett förslag</source>
        <translation>too few observations for a suggestion</translation>
    </message>
</context>
<context>
    <name>trygg::HotspotDialog</name>
    <message>
        <source>Heta och kalla punkter</source>
        <translation>Hot and cold spots</translation>
    </message>
    <message>
        <source>Kartan delas in i sexkantiga rutor. För varje ruta räknas synpunkterna i den och grannrutorna ihop och jämförs med hela området (Getis-Ord Gi*). Röda rutor har fler synpunkter än slumpen förklarar, blå färre; ju mörkare, desto säkrare.</source>
        <translation>The map is divided into hexagonal cells. For each cell the observations in it and its neighbours are added up and compared with the whole area (Getis-Ord Gi*). Red cells have more observations than chance explains, blue fewer; the darker, the more certain.</translation>
    </message>
    <message>
        <source>Rutor och beräkning</source>
        <translation>Cells and computation</translation>
    </message>
    <message>
        <source>Rutans bredd mellan två motstående sidor</source>
        <translation>The width of a cell between two opposite sides</translation>
    </message>
    <message>
        <source>Alla valda synpunkter</source>
        <translation>All chosen observations</translation>
    </message>
    <message>
        <source>De otrygga bland dem</source>
        <translation>The unsafe ones among them</translation>
    </message>
    <message>
        <source>rutan och dess sex grannar</source>
        <translation>the cell and its six neighbours</translation>
    </message>
    <message>
        <source>Rätta för många samtidiga test (FDR, rekommenderas)</source>
        <translation>Correct for many simultaneous tests (FDR, recommended)</translation>
    </message>
    <message>
        <source>Rutstorlek:</source>
        <translation>Cell size:</translation>
    </message>
    <message>
        <source>Räkna:</source>
        <translation>Count:</translation>
    </message>
    <message>
        <source>Grannskap:</source>
        <translation>Neighbourhood:</translation>
    </message>
    <message>
        <source>Beräkna</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Projektet saknar lagret med synpunkter eller resultatlagret.</source>
        <translation>The project lacks the observations layer or the result layer.</translation>
    </message>
    <message>
        <source>Räknar synpunkter per ruta…</source>
        <translation>Counting observations per cell…</translation>
    </message>
    <message>
        <source>Beräkningen misslyckades</source>
        <translation>The computation failed</translation>
    </message>
    <message>
        <source>%1 rutor: %2 heta (99 %: %3, 95 %: %4, 90 %: %5), %6 kalla, %7 utan tydligt mönster.</source>
        <translation>%1 cells: %2 hot (99 %: %3, 95 %: %4, 90 %: %5), %6 cold, %7 without a clear pattern.</translation>
    </message>
</context>
<context>
    <name>trygg::ImportDialog</name>
    <message>
        <source>Importera %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Som filen anger</source>
        <translation>As the file says</translation>
    </message>
    <message>
        <source>För filer som inte själva anger koordinatsystem, t.ex. CSV med x/y</source>
        <translation>For files that do not state their coordinate system, e.g. CSV with x/y</translation>
    </message>
    <message>
        <source>Importera ingenting om någon rad har fel</source>
        <translation>Import nothing if any row has an error</translation>
    </message>
    <message>
        <source>Till lager:</source>
        <translation>Into layer:</translation>
    </message>
    <message>
        <source>Koordinatsystem:</source>
        <translation>Coordinate system:</translation>
    </message>
    <message>
        <source>Läs filen</source>
        <translation>Read the file</translation>
    </message>
    <message>
        <source>Lägg till i projektet</source>
        <translation>Add to the project</translation>
    </message>
    <message>
        <source>Läser %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <source>Avbrutet.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>%1 rader lästa: %2 kan läggas till, %3 med fel.</source>
        <translation>%1 rows read: %2 can be added, %3 with errors.</translation>
    </message>
    <message>
        <source>Rader med fel:</source>
        <translation>Rows with errors:</translation>
    </message>
    <message>
        <source>rad %1%2: %3</source>
        <translation>row %1%2: %3</translation>
    </message>
    <message>
        <source>, fält %1</source>
        <translation>, field %1</translation>
    </message>
    <message>
        <source>… och %1 till</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Hur kolumner och svar i en enkätexport eller GPX-fil blir fält och värden i lagret</source>
        <translation>How the columns and answers of a survey export or GPX file become the layer&apos;s fields and values</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Rader så här nära ett befintligt objekt med samma kategori visas som möjliga dubbletter</source>
        <translation>Rows this close to an existing feature of the same category are shown as possible duplicates</translation>
    </message>
    <message>
        <source>Översättning:</source>
        <translation>Mapping:</translation>
    </message>
    <message>
        <source>Samma plats inom:</source>
        <translation>Same place within:</translation>
    </message>
    <message>
        <source>Möjliga dubbletter: samma kategori och nästan samma plats som något som redan finns. Välj för varje rad:</source>
        <translation>Possible duplicates: the same category and almost the same place as something already there. Choose for each row:</translation>
    </message>
    <message>
        <source>Rad i filen</source>
        <translation>Row in the file</translation>
    </message>
    <message>
        <source>Liknar</source>
        <translation>Resembles</translation>
    </message>
    <message>
        <source>Avstånd</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Gör så här</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ingen: kolumner med fältens namn</source>
        <translation>None: columns named like the fields</translation>
    </message>
    <message>
        <source>Annan fil …</source>
        <translation>Other file …</translation>
    </message>
    <message>
        <source>Välj översättningsfil</source>
        <translation>Choose a mapping file</translation>
    </message>
    <message>
        <source>Översättningar (*.json)</source>
        <translation>Mappings (*.json)</translation>
    </message>
    <message>
        <source>rad %1 i samma fil</source>
        <translation>row %1 of the same file</translation>
    </message>
    <message>
        <source>%1 nr %2</source>
        <translation>%1 no. %2</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Importera ändå</source>
        <translation>Import anyway</translation>
    </message>
    <message>
        <source>Hoppa över</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Slå ihop: det som finns behåller sin plats och sina värden, tomma fält fylls i och beskrivningen läggs till</source>
        <translation>Merge: the existing feature keeps its place and values, empty fields are filled in and the description is added</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>trygg::LayerPanel</name>
    <message>
        <source>Opacitet för valt lager</source>
        <translation>Opacity of the selected layer</translation>
    </message>
    <message>
        <source>Bocka för att visa. Dra för att ändra ordning. Dubbelklicka för att zooma till lagret.</source>
        <translation>Tick to show. Drag to reorder. Double-click to zoom to the layer.</translation>
    </message>
    <message>
        <source>Tillagda lager</source>
        <translation>Added layers</translation>
    </message>
    <message>
        <source>Tematiska lager</source>
        <translation>Thematic layers</translation>
    </message>
    <message>
        <source>Baskarta (schematisk)</source>
        <translation>Base map (schematic)</translation>
    </message>
    <message>
        <source>Bakgrundsbilder</source>
        <translation>Background images</translation>
    </message>
    <message>
        <source>&amp;Zooma till lagret</source>
        <translation>&amp;Zoom to layer</translation>
    </message>
    <message>
        <source>Visa &amp;tabellen</source>
        <translation>Show the &amp;table</translation>
    </message>
    <message>
        <source>Analysresultat</source>
        <translation>Analysis results</translation>
    </message>
</context>
<context>
    <name>trygg::LightingController</name>
    <message>
        <source>Klasstabellen kunde inte läsas</source>
        <translation>The class table could not be read</translation>
    </message>
    <message>
        <source>Beräknar belysningen längs gångvägar och gator …</source>
        <translation>Computing the lighting along paths and streets …</translation>
    </message>
    <message>
        <source>Belysningsanalysen kunde inte göras</source>
        <translation>The lighting analysis could not be done</translation>
    </message>
    <message>
        <source>Belysningsanalys</source>
        <translation>Lighting analysis</translation>
    </message>
    <message>
        <source>Resultatet kunde inte skrivas</source>
        <translation>The results could not be written</translation>
    </message>
    <message>
        <source>Belysningsanalysen är klar. Ångra med Ctrl+Z.</source>
        <translation>The lighting analysis is done. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Beräknar belysningsstyrkan på kartan …</source>
        <translation>Computing the illuminance map …</translation>
    </message>
    <message>
        <source>Belysningsstyrkan kunde inte beräknas</source>
        <translation>The illuminance could not be computed</translation>
    </message>
    <message>
        <source>Skriver %1 …</source>
        <translation>Writing %1 …</translation>
    </message>
    <message>
        <source>Belysningsanalysen avbröts; inget ändrades.</source>
        <translation>The lighting analysis was cancelled; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>trygg::LightingPanel</name>
    <message>
        <source>Belysningsanalys</source>
        <translation>Lighting analysis</translation>
    </message>
    <message>
        <source>&amp;Beräkna belysningen</source>
        <translation>&amp;Compute the lighting</translation>
    </message>
    <message>
        <source>Räkna ut ljuset längs gångvägar och gator och jämför med belysningsklasserna</source>
        <translation>Compute the light along paths and streets and compare it with the lighting classes</translation>
    </message>
    <message>
        <source>Beräkna</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Spara som GeoTIFF…</source>
        <translation>Save as GeoTIFF…</translation>
    </message>
    <message>
        <source>Spara kartan över belysningsstyrkan som en GeoTIFF-fil</source>
        <translation>Save the illuminance map as a GeoTIFF file</translation>
    </message>
    <message>
        <source>Räkna med planerade armaturer</source>
        <translation>Include planned luminaires</translation>
    </message>
    <message>
        <source>Visa hur det blir med de planerade lamporna och förslagen om ny belysning, bredvid hur det är i dag</source>
        <translation>Show how it will be with the planned lamps and the proposals for new lighting, beside how it is today</translation>
    </message>
    <message>
        <source>Visa belysningsstyrka på kartan</source>
        <translation>Show illuminance on the map</translation>
    </message>
    <message>
        <source>Klasstabell…</source>
        <translation>Class table…</translation>
    </message>
    <message>
        <source>Välj vilka krav på ljus som gäller för olika gator och vägar</source>
        <translation>Choose which lighting requirements apply to which streets and paths</translation>
    </message>
    <message>
        <source>Beräkna igen</source>
        <translation>Compute again</translation>
    </message>
    <message>
        <source>Mörka partier</source>
        <translation>Dark stretches</translation>
    </message>
    <message>
        <source>Per belysningsklass</source>
        <translation>By lighting class</translation>
    </message>
    <message>
        <source>Klass</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Krav
medel
lx</source>
        <translation>Required
average
lx</translation>
    </message>
    <message>
        <source>Krav
lägsta
lx</source>
        <translation>Required
minimum
lx</translation>
    </message>
    <message>
        <source>Längd
m</source>
        <translation>Length
m</translation>
    </message>
    <message>
        <source>För
mörkt
m</source>
        <translation>Too
dark
m</translation>
    </message>
    <message>
        <source>Över-
belyst
m</source>
        <translation>Over-
lit
m</translation>
    </message>
    <message>
        <source>Sämsta
lägsta
lx</source>
        <translation>Worst
minimum
lx</translation>
    </message>
    <message>
        <source>Gata eller väg</source>
        <translation>Street or path</translation>
    </message>
    <message>
        <source>Mörkast
lx</source>
        <translation>Darkest
lx</translation>
    </message>
    <message>
        <source>Synpunkter
nära</source>
        <translation>Observations
nearby</translation>
    </message>
    <message>
        <source>Dubbelklicka för att visa partiet på kartan</source>
        <translation>Double-click to show the stretch on the map</translation>
    </message>
    <message>
        <source>%1 (standard)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>Klasstabell: %1</source>
        <translation>Class table: %1</translation>
    </message>
    <message>
        <source>Visar vilka gångvägar och gator som är för mörka för sin belysningsklass och var synpunkter om ljus finns. Tryck Beräkna.</source>
        <translation>Shows which paths and streets are too dark for their lighting class and where there are observations about light. Press Compute.</translation>
    </message>
    <message>
        <source>Med planerade armaturer: %1 lampor i drift och %2 planerade.</source>
        <translation>With planned luminaires: %1 lamps in service and %2 planned.</translation>
    </message>
    <message>
        <source>Nuläge: %1 lampor i drift (%2 planerade räknas inte med).</source>
        <translation>Current: %1 lamps in service (%2 planned not included).</translation>
    </message>
    <message>
        <source>Förslag om ny belysning har lagts till eller ritats om. Siffrorna visar inte dem: beräkna igen.</source>
        <translation>Proposals for new lighting have been added or redrawn. The numbers do not include them: compute again.</translation>
    </message>
    <message>
        <source>Siffrorna och kartan följer ändringarna, men resultatlagren i projektet är inte uppdaterade sedan beräkningen.</source>
        <translation>The numbers and the map follow the changes, but the project&apos;s result layers have not been updated since the analysis.</translation>
    </message>
    <message>
        <source>Skriv resultatlagren</source>
        <translation>Write the result layers</translation>
    </message>
    <message>
        <source>Välj klasstabell</source>
        <translation>Choose class table</translation>
    </message>
    <message>
        <source>Klasstabeller (*.json);;Alla filer (*)</source>
        <translation>Class tables (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Klasstabellen kan inte användas</source>
        <translation>The class table cannot be used</translation>
    </message>
    <message>
        <source>Spara belysningsstyrkan som GeoTIFF</source>
        <translation>Save the illuminance as GeoTIFF</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas</source>
        <translation>The file could not be saved</translation>
    </message>
    <message>
        <source>Anmärkningar om armaturer</source>
        <translation>Notes on luminaires</translation>
    </message>
    <message>
        <source>Sträckor som är för mörka (m)</source>
        <translation>Stretches that are too dark (m)</translation>
    </message>
    <message>
        <source>Mörka partier (antal)</source>
        <translation>Dark stretches (count)</translation>
    </message>
    <message>
        <source>Mörka partier (m)</source>
        <translation>Dark stretches (m)</translation>
    </message>
    <message>
        <source>Synpunkter om ljus som är upplysta</source>
        <translation>Observations about light that are lit</translation>
    </message>
    <message>
        <source>Synpunkter som blir upplysta</source>
        <translation>Observations that become lit</translation>
    </message>
    <message>
        <source>Nuläge</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Med
planerade</source>
        <translation>With
planned</translation>
    </message>
    <message>
        <source>Skillnad</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>%1 av %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>namnlös gång- och cykelväg</source>
        <translation>unnamed foot and cycle path</translation>
    </message>
    <message>
        <source>namnlös gata</source>
        <translation>unnamed street</translation>
    </message>
    <message>
        <source>namnlös väg</source>
        <translation>unnamed way</translation>
    </message>
    <message>
        <source>%1, %2–%3 m längs linjen</source>
        <translation>%1, %2–%3 m along the line</translation>
    </message>
    <message>
        <source>Anmärkningar om armaturer (%1)</source>
        <translation>Notes on luminaires (%1)</translation>
    </message>
    <message>
        <source>Lampor som inte räknats med eller där höjd eller ljusflöde har antagits</source>
        <translation>Lamps left out, or whose height or luminous flux was assumed</translation>
    </message>
    <message>
        <source>En annan klasstabell är vald sedan beräkningen: beräkna igen.</source>
        <translation>Another class table has been chosen since the analysis: compute again.</translation>
    </message>
</context>
<context>
    <name>trygg::LinkPanel</name>
    <message>
        <source>Välj observationer…</source>
        <translation>Pick observations…</translation>
    </message>
    <message>
        <source>Markera sedan de observationer åtgärden besvarar, på kartan eller i tabellen</source>
        <translation>Then select the observations the measure answers, on the map or in the table</translation>
    </message>
    <message>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ta bort koppling</source>
        <translation>Remove link</translation>
    </message>
    <message numerus="yes">
        <source>Åtgärd %1 besvarar %n observationer:</source>
        <translation>
            <numerusform>Measure %1 answers %n observation:</numerusform>
            <numerusform>Measure %1 answers %n observations:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen åtgärd besvarar observation %1 ännu.</source>
        <translation>No measure answers observation %1 yet.</translation>
    </message>
    <message>
        <source>Åtgärder som besvarar observation %1:</source>
        <translation>Measures answering observation %1:</translation>
    </message>
    <message>
        <source>Markera en åtgärd eller en observation för att se vad som hör ihop.</source>
        <translation>Select a measure or an observation to see what belongs together.</translation>
    </message>
    <message numerus="yes">
        <source>Koppla %n markerade</source>
        <translation>
            <numerusform>Link %n selected</numerusform>
            <numerusform>Link %n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Markera observationer på kartan eller i tabellen och tryck Koppla.</source>
        <translation>Select observations on the map or in the table and press Link.</translation>
    </message>
    <message>
        <source>Koppla</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>trygg::MainWindow</name>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Öppna &amp;senaste</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Nytt projekt…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>Ö&amp;ppna projekt…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Spara so&amp;m…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>&amp;Lägg till data…</source>
        <translation>&amp;Add data…</translation>
    </message>
    <message>
        <source>Visa en kartfil (vektor eller ortofoto) ovanpå projektet</source>
        <translation>Show a map file (vector or orthophoto) on top of the project</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Zooma &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zooma &amp;ut</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Hela kartan</source>
        <translation>&amp;Full extent</translation>
    </message>
    <message>
        <source>&amp;GPS-källa…</source>
        <translation>&amp;GPS source…</translation>
    </message>
    <message>
        <source>&amp;Om Tryggkarta</source>
        <translation>&amp;About Tryggkarta</translation>
    </message>
    <message>
        <source>Lager</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Dra för att panorera, rulla för att zooma, Skift+dra för att zooma till en ruta</source>
        <translation>Drag to pan, scroll to zoom, Shift+drag to zoom to a box</translation>
    </message>
    <message>
        <source>Inget projekt</source>
        <translation>No project</translation>
    </message>
    <message>
        <source>Avbrutet</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Projektet kunde inte öppnas</source>
        <translation>The project could not be opened</translation>
    </message>
    <message>
        <source>Osparade ändringar</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Projektet har ändringar som inte är sparade. Spara dem?</source>
        <translation>The project has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Nytt projekt</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Projektet kunde inte skapas</source>
        <translation>The project could not be created</translation>
    </message>
    <message>
        <source>Öppna projekt</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Sparat</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Spara projekt som</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <source>Lägg till data</source>
        <translation>Add data</translation>
    </message>
    <message>
        <source>Kartdata (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.osm *.pbf *.tif *.tiff *.jpg *.png *.mbtiles *.xml);;Alla filer (*)</source>
        <translation>Map data (*.shp *.gpkg *.geojson *.json *.kml *.gpx *.csv *.osm *.pbf *.tif *.tiff *.jpg *.png *.mbtiles *.xml);;All files (*)</translation>
    </message>
    <message>
        <source>Bilden kunde inte läsas</source>
        <translation>The image could not be read</translation>
    </message>
    <message>
        <source>Filen kunde inte läsas</source>
        <translation>The file could not be read</translation>
    </message>
    <message>
        <source>Om Tryggkarta</source>
        <translation>About Tryggkarta</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tryggkarta&lt;/b&gt; %1&lt;br&gt;Trygghetskartläggning av Vännäs centrum: observationer, belysning och trygghetsskapande åtgärder.&lt;br&gt;&lt;br&gt;Baskartan är schematisk, ritad efter kända fakta och inte inmätt.</source>
        <translation>&lt;b&gt;Tryggkarta&lt;/b&gt; %1&lt;br&gt;Safety mapping of Vännäs centrum: observations, lighting and safety-creating measures.&lt;br&gt;&lt;br&gt;The base map is schematic, drawn from known facts, not surveyed.</translation>
    </message>
    <message>
        <source>Tabell</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Kopplingar</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Foton</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Fotot kunde inte läsas</source>
        <translation>The photo could not be read</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Fotot har ingen GPS-position. Markera observationen eller åtgärden det hör till och dra det till panelen Foton.</source>
        <translation>The photo has no GPS position. Select the observation or measure it belongs to and drag it to the Photos panel.</translation>
    </message>
    <message>
        <source>Fotots position kunde inte användas</source>
        <translation>The photo&apos;s position could not be used</translation>
    </message>
    <message>
        <source>Ver&amp;ktyg</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Ofärdig form</source>
        <translation>Unfinished shape</translation>
    </message>
    <message>
        <source>En linje eller yta håller på att ritas och är inte sparad. Kasta den?</source>
        <translation>A line or polygon is being drawn and is not saved. Discard it?</translation>
    </message>
    <message>
        <source>Visa &amp;kopplingar</source>
        <translation>Show &amp;links</translation>
    </message>
    <message>
        <source>Streckade linjer från åtgärder till observationerna de besvarar</source>
        <translation>Dashed lines from measures to the observations they answer</translation>
    </message>
    <message>
        <source>Zooma till &amp;markerade</source>
        <translation>Zoom to &amp;selected</translation>
    </message>
    <message>
        <source>&amp;Kopplingar…</source>
        <translation>&amp;Links…</translation>
    </message>
    <message>
        <source>&amp;Foton…</source>
        <translation>&amp;Photos…</translation>
    </message>
    <message>
        <source>A&amp;nalys</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <source>&amp;Belysningsanalys…</source>
        <translation>&amp;Lighting analysis…</translation>
    </message>
    <message>
        <source>Vilka gångvägar och gator är för mörka, och vad ändrar de planerade lamporna?</source>
        <translation>Which paths and streets are too dark, and what do the planned lamps change?</translation>
    </message>
    <message>
        <source>Belysningsanalys</source>
        <translation>Lighting analysis</translation>
    </message>
    <message>
        <source>%1 (gemensam databas)</source>
        <translation>%1 (shared database)</translation>
    </message>
</context>
<context>
    <name>trygg::MapCanvas</name>
    <message>
        <source>Ritar…</source>
        <translation>Drawing…</translation>
    </message>
</context>
<context>
    <name>trygg::MapToolsController</name>
    <message>
        <source>Panorera</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Markera</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Lägg till punkt</source>
        <translation>Add point</translation>
    </message>
    <message>
        <source>Rita linje</source>
        <translation>Draw line</translation>
    </message>
    <message>
        <source>Rita yta</source>
        <translation>Draw polygon</translation>
    </message>
    <message>
        <source>Flytta</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Redigera hörn</source>
        <translation>Edit vertices</translation>
    </message>
    <message>
        <source>Dra för att panorera, rulla för att zooma</source>
        <translation>Drag to pan, scroll to zoom</translation>
    </message>
    <message>
        <source>Klicka på ett objekt för att markera det, Ctrl+klick lägger till, dra en ruta för att markera flera</source>
        <translation>Click a feature to select it, Ctrl+click adds, drag a box to select several</translation>
    </message>
    <message>
        <source>Klicka eller tryck där punkten ska vara</source>
        <translation>Click or tap where the point should be</translation>
    </message>
    <message>
        <source>Klicka för varje hörn; dubbelklick, Enter eller högerklick avslutar; Esc tar bort senaste hörnet</source>
        <translation>Click for each vertex; double-click, Enter or right-click finishes; Esc removes the last vertex</translation>
    </message>
    <message>
        <source>Dra ett objekt för att flytta det; Esc avbryter</source>
        <translation>Drag a feature to move it; Esc cancels</translation>
    </message>
    <message>
        <source>Dra ett hörn för att flytta det, tryck på en mittpunkt för att lägga till ett, Delete eller högerklick tar bort</source>
        <translation>Drag a vertex to move it, tap a midpoint to add one, Delete or right-click removes</translation>
    </message>
    <message>
        <source>Fäst mot objekt</source>
        <translation>Snap to features</translation>
    </message>
    <message>
        <source>Fäst mot hörn och linjer i baskartan och temalagren; håll Skift för att släppa tillfälligt</source>
        <translation>Snap to vertices and lines of the base map and the thematic layers; hold Shift to release for a moment</translation>
    </message>
    <message>
        <source>Markera med villkor…</source>
        <translation>Select by condition…</translation>
    </message>
    <message>
        <source>Redigeringsverktyg</source>
        <translation>Editing tools</translation>
    </message>
    <message>
        <source>Lagret som verktygen lägger till i</source>
        <translation>The layer the tools add to</translation>
    </message>
    <message>
        <source>Markera med villkor</source>
        <translation>Select by condition</translation>
    </message>
    <message>
        <source>Villkor för %1, till exempel: kategori = belysning och känsla &lt;= 1</source>
        <translation>Condition for %1, for example: kategori = belysning and känsla &lt;= 1</translation>
    </message>
    <message>
        <source>Villkoret gick inte att använda: %1</source>
        <translation>The condition could not be used: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n objekt markerade</source>
        <translation>
            <numerusform>%n feature selected</numerusform>
            <numerusform>%n features selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trygg::MoveTool</name>
    <message numerus="yes">
        <source>Flytta %n objekt</source>
        <translation>
            <numerusform>Move %n feature</numerusform>
            <numerusform>Move %n features</numerusform>
        </translation>
    </message>
    <message>
        <source>Kunde inte flytta: %1</source>
        <translation>Could not move: %1</translation>
    </message>
</context>
<context>
    <name>trygg::NumberEditor</name>
    <message>
        <source>(flera värden)</source>
        <translation>(several values)</translation>
    </message>
    <message>
        <source>Skriv ett heltal, t.ex. 12</source>
        <translation>Enter a whole number, e.g. 12</translation>
    </message>
    <message>
        <source>Skriv ett tal, t.ex. 12,5</source>
        <translation>Enter a number, e.g. 12.5</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>minst %1</source>
        <translation>at least %1</translation>
    </message>
    <message>
        <source>högst %1</source>
        <translation>at most %1</translation>
    </message>
</context>
<context>
    <name>trygg::ObservationFilterBox</name>
    <message>
        <source>Vandring %1</source>
        <translation>Walk %1</translation>
    </message>
    <message>
        <source>Vilka synpunkter?</source>
        <translation>Which observations?</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alla, även utanför vandringar</source>
        <translation>All, also outside walks</translation>
    </message>
    <message>
        <source>Trygghetsvandring:</source>
        <translation>Safety walk:</translation>
    </message>
    <message>
        <source>Bara från</source>
        <translation>Only from</translation>
    </message>
    <message>
        <source>till och med</source>
        <translation>up to and including</translation>
    </message>
    <message>
        <source>Tid:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>t.ex. känsla &lt;= 1 eller beskrivning innehåller tunnel</source>
        <translation>e.g. känsla &lt;= 1 eller beskrivning innehåller tunnel</translation>
    </message>
    <message>
        <source>Eget villkor:</source>
        <translation>Own condition:</translation>
    </message>
    <message>
        <source>Projektet har inget lager med synpunkter.</source>
        <translation>The project has no observations layer.</translation>
    </message>
    <message numerus="yes">
        <source>%n synpunkt(er) med plats tas med.</source>
        <translation>
            <numerusform>%n observation with a place is included.</numerusform>
            <numerusform>%n observations with a place are included.</numerusform>
        </translation>
    </message>
    <message>
        <source>Villkoret går inte att läsa: %1</source>
        <translation>The condition cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>trygg::PhotoFolderImportDialog</name>
    <message>
        <source>Importera foton från mapp</source>
        <translation>Import photos from folder</translation>
    </message>
    <message>
        <source>Ta med foton i undermappar</source>
        <translation>Include photos in subfolders</translation>
    </message>
    <message>
        <source>Skriv fotots filnamn i beskrivningen</source>
        <translation>Write the photo&apos;s file name in the description</translation>
    </message>
    <message>
        <source>Foton nära en befintlig observation läggs till den, inom</source>
        <translation>Photos near an existing observation are added to it, within</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Mapp:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Kategori för nya observationer:</source>
        <translation>Category of new observations:</translation>
    </message>
    <message>
        <source>Upplevelse för nya observationer:</source>
        <translation>Experience of new observations:</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Tagen</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Vad händer</source>
        <translation>What happens</translation>
    </message>
    <message>
        <source>Lägg till i projektet</source>
        <translation>Add to the project</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Läser foton i %1 …</source>
        <translation>Reading photos in %1 …</translation>
    </message>
    <message>
        <source>Inläsningen av fotona avbröts.</source>
        <translation>Reading the photos was cancelled.</translation>
    </message>
    <message>
        <source>Kunde inte läsa fotona i %1:

%2</source>
        <translation>Could not read the photos in %1:

%2</translation>
    </message>
    <message>
        <source>ny observation</source>
        <translation>new observation</translation>
    </message>
    <message>
        <source>bifogas till observation %1 (%2 m bort)</source>
        <translation>attached to observation %1 (%2 m away)</translation>
    </message>
    <message>
        <source>hoppas över: inte ett foto (JPEG eller PNG)</source>
        <translation>skipped: not a photo (JPEG or PNG)</translation>
    </message>
    <message>
        <source>hoppas över: filen kan inte läsas</source>
        <translation>skipped: the file cannot be read</translation>
    </message>
    <message>
        <source>hoppas över: fotot saknar GPS-position</source>
        <translation>skipped: the photo has no GPS position</translation>
    </message>
    <message>
        <source>hoppas över: taget långt utanför Sverige</source>
        <translation>skipped: taken far outside Sweden</translation>
    </message>
    <message>
        <source>hoppas över</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>%1 nya observationer, %2 foton läggs till befintliga observationer, %3 filer hoppas över.</source>
        <translation>%1 new observations, %2 photos added to existing observations, %3 files skipped.</translation>
    </message>
    <message>
        <source>Projektet har inget lager för observationer.</source>
        <translation>The project has no observation layer.</translation>
    </message>
    <message>
        <source>Importera foton från %1</source>
        <translation>Import photos from %1</translation>
    </message>
    <message>
        <source>Fotona kunde inte läggas till:

%1</source>
        <translation>The photos could not be added:

%1</translation>
    </message>
</context>
<context>
    <name>trygg::PhotoPanel</name>
    <message>
        <source>Lägg till foto…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Ta bort foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Markera en observation eller en åtgärd för att se och lägga till foton.</source>
        <translation>Select an observation or a measure to see and add photos.</translation>
    </message>
    <message numerus="yes">
        <source>%n foton. Dra bildfiler hit för att lägga till.</source>
        <translation>
            <numerusform>%n photo. Drag image files here to add more.</numerusform>
            <numerusform>%n photos. Drag image files here to add more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tagen %1</source>
        <translation>Taken %1</translation>
    </message>
    <message>
        <source>Foton</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Lägg till foto</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <source>Bilder (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>trygg::PlanDialog</name>
    <message>
        <source>Åtgärdsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>En plan för kommunstyrelsen och polisen: en karta med åtgärderna numrerade, en tabell över åtgärderna och vad de kostar per ansvarig.</source>
        <translation>A plan for the municipal executive board and the police: a map with the measures numbered, a table of the measures and what they cost per responsible body.</translation>
    </message>
    <message>
        <source>Åtgärdsplan – Vännäs centrum</source>
        <translation>Action plan – Vännäs centrum</translation>
    </message>
    <message>
        <source>A4 liggande</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>A3 liggande</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <source>Vilka åtgärder?</source>
        <translation>Which measures?</translation>
    </message>
    <message>
        <source>Kartan visar</source>
        <translation>The map shows</translation>
    </message>
    <message>
        <source>Området runt åtgärderna</source>
        <translation>The area around the measures</translation>
    </message>
    <message>
        <source>Det som syns i kartfönstret nu</source>
        <translation>What the map window shows now</translation>
    </message>
    <message>
        <source>Slutar namnet på .png blir det en bild per sida</source>
        <translation>A name ending in .png gives one image per page</translation>
    </message>
    <message>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Rubrik:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Papper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Språk:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Spara som:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <source>Skapa plan</source>
        <translation>Create plan</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Spara åtgärdsplanen</source>
        <translation>Save the action plan</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG-bilder (*.png)</source>
        <translation>PDF (*.pdf);;PNG images (*.png)</translation>
    </message>
    <message>
        <source>Ange var planen ska sparas.</source>
        <translation>Say where the plan is to be saved.</translation>
    </message>
    <message>
        <source>Välj minst en status att ta med.</source>
        <translation>Choose at least one status to include.</translation>
    </message>
    <message>
        <source>%1 finns redan. Vill du ersätta den?</source>
        <translation>%1 already exists. Do you want to replace it?</translation>
    </message>
    <message>
        <source>Skriver åtgärdsplanen …</source>
        <translation>Writing the action plan …</translation>
    </message>
    <message>
        <source>Planen avbröts. Ingenting har skrivits.</source>
        <translation>The plan was cancelled. Nothing has been written.</translation>
    </message>
    <message>
        <source>Planen kunde inte skrivas</source>
        <translation>The plan could not be written</translation>
    </message>
    <message>
        <source>Kunde inte skriva %1:

%2</source>
        <translation>Could not write %1:

%2</translation>
    </message>
    <message numerus="yes">
        <source>Planen med %n åtgärder sparades i %1 (%2 sidor). Vill du öppna den?</source>
        <translation>
            <numerusform>The plan with %n measure was saved in %1 (%2 pages). Do you want to open it?</numerusform>
            <numerusform>The plan with %n measures was saved in %1 (%2 pages). Do you want to open it?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sida med uppföljning: åtgärder per medborgarlöfte, tidslinje och vad som görs åt synpunkterna</source>
        <translation>Follow-up page: measures per citizen promise, timeline and what is being done about the observations</translation>
    </message>
</context>
<context>
    <name>trygg::PositionReadout</name>
    <message>
        <source>Skala</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Skriv en skala, t.ex. 1:2000, och tryck Enter</source>
        <translation>Type a scale, e.g. 1:2000, and press Enter</translation>
    </message>
    <message>
        <source>SWEREF 99 TM (EPSG:3006), nationellt</source>
        <translation>SWEREF 99 TM (EPSG:3006), national</translation>
    </message>
    <message>
        <source>SWEREF 99 20 15 (EPSG:3016), lokal zon för Vännäs</source>
        <translation>SWEREF 99 20 15 (EPSG:3016), local zone for Vännäs</translation>
    </message>
    <message>
        <source>WGS 84, latitud och longitud (GPS)</source>
        <translation>WGS 84, latitude and longitude (GPS)</translation>
    </message>
</context>
<context>
    <name>trygg::PriorityPanel</name>
    <message>
        <source>Prioriterade platser</source>
        <translation>Priority places</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Poäng</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Avstånd inom en plats:</source>
        <translation>Distance within a place:</translation>
    </message>
    <message>
        <source>Synpunkter som ligger så här nära varandra hör till samma plats.</source>
        <translation>Observations this close to each other belong to the same place.</translation>
    </message>
    <message>
        <source>Minst antal synpunkter:</source>
        <translation>Minimum number of observations:</translation>
    </message>
    <message>
        <source>Så många synpunkter inom avståndet behövs för att bilda en plats.</source>
        <translation>This many observations within the distance are needed to form a place.</translation>
    </message>
    <message>
        <source>Vikter i poängen:</source>
        <translation>Weights in the score:</translation>
    </message>
    <message>
        <source>Antal synpunkter</source>
        <translation>Number of observations</translation>
    </message>
    <message>
        <source>Hur otryggt (känsla)</source>
        <translation>How unsafe (feeling)</translation>
    </message>
    <message>
        <source>Andel i mörker</source>
        <translation>Share in darkness</translation>
    </message>
    <message>
        <source>Lite ljus</source>
        <translation>Little light</translation>
    </message>
    <message>
        <source>Nära mörkt parti</source>
        <translation>Near a dark stretch</translation>
    </message>
    <message>
        <source>Åtgärd finns (sänker)</source>
        <translation>Measure exists (lowers)</translation>
    </message>
    <message>
        <source>Platsens synpunkter jämfört med den största platsen.</source>
        <translation>The place&apos;s observations compared with the largest place.</translation>
    </message>
    <message>
        <source>Skrämmande räknas fullt, obehaglig två tredjedelar, acceptabel en tredjedel.</source>
        <translation>Frightening counts fully, unpleasant two thirds, acceptable one third.</translation>
    </message>
    <message>
        <source>Andelen synpunkter i mörker; skymning räknas till hälften.</source>
        <translation>The share of observations in darkness; dusk counts half.</translation>
    </message>
    <message>
        <source>Hur lite ljus belysningsanalysen ger där (0 lx fullt, 10 lx eller mer inget).</source>
        <translation>How little light the lighting analysis gives there (0 lx fully, 10 lx or more nothing).</translation>
    </message>
    <message>
        <source>Hur nära ett mörkt parti platsen ligger (intill fullt, 50 m eller mer inget).</source>
        <translation>How close the place is to a dark stretch (next to it fully, 50 m or more nothing).</translation>
    </message>
    <message>
        <source>Andelen synpunkter som en åtgärd (inte avförd) redan svarar på; dras av.</source>
        <translation>The share of observations a measure (not dropped) already answers; subtracted.</translation>
    </message>
    <message>
        <source>Inget projekt med synpunkter är öppet.</source>
        <translation>No project with observations is open.</translation>
    </message>
    <message>
        <source>Listan kunde inte beräknas: %1</source>
        <translation>The list could not be computed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n plats(er) av %1 synpunkter; %2 hör inte till någon plats.</source>
        <translation>
            <numerusform>%n place from %1 observations; %2 belong to no place.</numerusform>
            <numerusform>%n places from %1 observations; %2 belong to no place.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen belysningsanalys har körts: ljus och mörka partier ger inga poäng.</source>
        <translation>No lighting analysis has been run: light and dark stretches give no points.</translation>
    </message>
    <message>
        <source>Ljuset är beräknat med de planerade lamporna.</source>
        <translation>The light is computed with the planned lamps.</translation>
    </message>
</context>
<context>
    <name>trygg::ScaleEditor</name>
    <message>
        <source>Värdet finns inte i värdelistan</source>
        <translation>The value is not in the list of values</translation>
    </message>
    <message>
        <source>(flera värden)</source>
        <translation>(several values)</translation>
    </message>
    <message>
        <source>(finns inte i listan)</source>
        <translation>(not in the list)</translation>
    </message>
</context>
<context>
    <name>trygg::SketchTool</name>
    <message>
        <source>En yta behöver minst tre hörn.</source>
        <translation>A polygon needs at least three vertices.</translation>
    </message>
    <message>
        <source>En linje behöver minst två punkter.</source>
        <translation>A line needs at least two points.</translation>
    </message>
    <message>
        <source>Välj ett lager som tar emot den här formen; skissen finns kvar.</source>
        <translation>Choose a layer that takes this shape; the sketch is kept.</translation>
    </message>
</context>
<context>
    <name>trygg::TextEditor</name>
    <message>
        <source>(flera värden)</source>
        <translation>(several values)</translation>
    </message>
    <message>
        <source>%1 av %2 tecken</source>
        <translation>%1 of %2 characters</translation>
    </message>
</context>
<context>
    <name>trygg::VertexTool</name>
    <message>
        <source>En linje behöver minst två hörn; hörnet finns kvar.</source>
        <translation>A line needs at least two vertices; the vertex is kept.</translation>
    </message>
    <message>
        <source>En yta behöver minst tre hörn; hörnet finns kvar.</source>
        <translation>A polygon needs at least three vertices; the vertex is kept.</translation>
    </message>
    <message>
        <source>En punkt har bara ett hörn; ta bort hela objektet i stället.</source>
        <translation>A point has only one vertex; remove the whole feature instead.</translation>
    </message>
    <message>
        <source>Formen sparades inte: %1</source>
        <translation>The shape was not saved: %1</translation>
    </message>
</context>
<context>
    <name>trygg::WalkMode</name>
    <message>
        <source>&amp;Vandring</source>
        <translation>&amp;Walk</translation>
    </message>
    <message>
        <source>Trygghetsvandring</source>
        <translation>Safety walk</translation>
    </message>
    <message>
        <source>&amp;Starta trygghetsvandring…</source>
        <translation>&amp;Start safety walk…</translation>
    </message>
    <message>
        <source>Ange datum, ljusförhållanden, arrangör och deltagare, och börja spela in slingan</source>
        <translation>Enter date, light conditions, organiser and participants, and start recording the route</translation>
    </message>
    <message>
        <source>&amp;Fortsätt markerad vandring</source>
        <translation>&amp;Continue selected walk</translation>
    </message>
    <message>
        <source>Spela in mer av slingan och fler observationer till den markerade vandringen</source>
        <translation>Record more of the route and more observations for the selected walk</translation>
    </message>
    <message>
        <source>&amp;Avsluta vandringen</source>
        <translation>&amp;End the walk</translation>
    </message>
    <message>
        <source>Spara slingan och avsluta inspelningen</source>
        <translation>Save the route and stop recording</translation>
    </message>
    <message>
        <source>&amp;Helskärm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>Visa kartan och vandringspanelen över hela skärmen (surfplatta)</source>
        <translation>Show the map and the walk panel on the whole screen (tablet)</translation>
    </message>
    <message>
        <source>Vandringen finns inte längre (borttagen eller ångrad); inspelningen slutade.</source>
        <translation>The walk no longer exists (removed or undone); recording stopped.</translation>
    </message>
    <message>
        <source>Vandringen spelas in. Slingan följer GPS:en.</source>
        <translation>The walk is being recorded. The route follows the GPS.</translation>
    </message>
    <message>
        <source>Vandringen spelas in utan GPS: tryck på kartan för att placera observationer. Välj GPS-källa under Inställningar.</source>
        <translation>The walk is being recorded without GPS: tap the map to place observations. Choose a GPS source under Settings.</translation>
    </message>
    <message>
        <source>Avsluta vandringen</source>
        <translation>End the walk</translation>
    </message>
    <message>
        <source>Slingan kunde inte sparas: %1</source>
        <translation>The route could not be saved: %1</translation>
    </message>
    <message>
        <source>Vandringen är avslutad. %1</source>
        <translation>The walk has ended. %1</translation>
    </message>
    <message>
        <source>Skapa vandrings&amp;protokoll (PDF)…</source>
        <translation>Create walk &amp;protocol (PDF)…</translation>
    </message>
    <message>
        <source>Protokoll med slingans karta och, för varje plats, problemet, föreslagen åtgärd, ansvarig och när</source>
        <translation>Protocol with the route map and, for each place, the problem, proposed measure, who is responsible and when</translation>
    </message>
    <message>
        <source>Vandringen är avslutad. Vill du skapa protokollet nu?</source>
        <translation>The walk has ended. Do you want to create the protocol now?</translation>
    </message>
    <message>
        <source>Vandring %1</source>
        <translation>Walk %1</translation>
    </message>
    <message>
        <source>Vandringsprotokoll</source>
        <translation>Walk protocol</translation>
    </message>
    <message>
        <source>Vilken vandring?</source>
        <translation>Which walk?</translation>
    </message>
    <message>
        <source>Spara vandringsprotokoll</source>
        <translation>Save walk protocol</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Skriver protokollet …</source>
        <translation>Writing the protocol …</translation>
    </message>
    <message numerus="yes">
        <source>Protokollet sparades: %1 (%n platser)</source>
        <translation>
            <numerusform>The protocol was saved: %1 (%n place)</numerusform>
            <numerusform>The protocol was saved: %1 (%n places)</numerusform>
        </translation>
    </message>
    <message>
        <source>Protokollet sparades i %1. Vill du öppna det?</source>
        <translation>The protocol was saved in %1. Do you want to open it?</translation>
    </message>
</context>
<context>
    <name>trygg::WalkPanel</name>
    <message>
        <source>Trygghetsvandring</source>
        <translation>Safety walk</translation>
    </message>
    <message>
        <source>Starta vandring…</source>
        <translation>Start walk…</translation>
    </message>
    <message>
        <source>Platsen känns:</source>
        <translation>The place feels:</translation>
    </message>
    <message>
        <source>Placera observationen:</source>
        <translation>Place the observation:</translation>
    </message>
    <message>
        <source>Där jag står (GPS)</source>
        <translation>Where I stand (GPS)</translation>
    </message>
    <message>
        <source>Tryck på kartan</source>
        <translation>Tap the map</translation>
    </message>
    <message>
        <source>Vad gäller det? Ett tryck lägger till observationen.</source>
        <translation>What is it about? One tap adds the observation.</translation>
    </message>
    <message>
        <source>Beskriv…</source>
        <translation>Describe…</translation>
    </message>
    <message>
        <source>Skriv en beskrivning och fyll i fler uppgifter</source>
        <translation>Write a description and fill in more details</translation>
    </message>
    <message>
        <source>Foto…</source>
        <translation>Photo…</translation>
    </message>
    <message>
        <source>Bifoga ett foto till observationen</source>
        <translation>Attach a photo to the observation</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort observationen (kan ångras)</source>
        <translation>Remove the observation (can be undone)</translation>
    </message>
    <message>
        <source>Avsluta vandringen</source>
        <translation>End the walk</translation>
    </message>
    <message>
        <source>Ingen vandring pågår. Starta en vandring för att spela in slingan och lägga till observationer med ett tryck.</source>
        <translation>No walk in progress. Start a walk to record the route and add observations with one tap.</translation>
    </message>
    <message>
        <source>GPS: position finns</source>
        <translation>GPS: position available</translation>
    </message>
    <message>
        <source>GPS: ingen position</source>
        <translation>GPS: no position</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 m · %n observationer · %3</source>
        <translation>
            <numerusform>%1 · %2 m · %n observation · %3</numerusform>
            <numerusform>%1 · %2 m · %n observations · %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Inga observationer ännu på den här vandringen.</source>
        <translation>No observations on this walk yet.</translation>
    </message>
    <message>
        <source>Tryck på kartan där det gäller %1 (Esc avbryter).</source>
        <translation>Tap the map where the %1 is (Esc cancels).</translation>
    </message>
    <message>
        <source>Observationen kunde inte läggas till: %1</source>
        <translation>The observation could not be added: %1</translation>
    </message>
    <message>
        <source>Observation %1 tillagd: %2</source>
        <translation>Observation %1 added: %2</translation>
    </message>
    <message>
        <source>Senast tillagd: nr %1, %2</source>
        <translation>Last added: no. %1, %2</translation>
    </message>
</context>
<context>
    <name>trygg::WalkSession</name>
    <message>
        <source>Vandring %1</source>
        <translation>Walk %1</translation>
    </message>
    <message>
        <source>Slingan är %1 m lång.</source>
        <translation>The route is %1 m long.</translation>
    </message>
    <message>
        <source>Ingen GPS-slinga spelades in; slingan ritades genom observationerna i tidsordning.</source>
        <translation>No GPS route was recorded; the route was drawn through the observations in time order.</translation>
    </message>
    <message>
        <source>Ingen slinga spelades in (ingen GPS och färre än två observationer).</source>
        <translation>No route was recorded (no GPS and fewer than two observations).</translation>
    </message>
    <message>
        <source>Vandringens slinga</source>
        <translation>Route of the walk</translation>
    </message>
</context>
</TS>
