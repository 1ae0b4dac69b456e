<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
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
        <source>Projektet kunde inte sparas</source>
        <translation>The project could not be saved</translation>
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
</context>
<context>
    <name>trygg::MapCanvas</name>
    <message>
        <source>Ritar…</source>
        <translation>Drawing…</translation>
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
</TS>
