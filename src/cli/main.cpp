// tryggkarta-cli: the headless face of Tryggkarta. Every sub-command calls the same library
// functions as the desktop app.

#include "cli_support.h"
#include "db_command.h"
#include "export_command.h"
#include "follow_up_command.h"
#include "generate_command.h"
#include "generate_lighting_command.h"
#include "heatmap_command.h"
#include "hotspots_command.h"
#include "import_command.h"
#include "import_osm_command.h"
#include "import_photos_command.h"
#include "info_command.h"
#include "lighting_command.h"
#include "new_command.h"
#include "plan_command.h"
#include "priorities_command.h"
#include "protocol_command.h"
#include "render_command.h"

#include "tryggkarta/io/gdal_setup.h"

#include <memory>
#include <vector>

int main(int argc, char** argv) {
    using namespace trygg::cli;
    trygg::initialiseGdal();

    CLI::App app{"Tryggkarta: safety mapping of Vännäs centrum (command line)",
                 "tryggkarta-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "tryggkarta-cli " TRYGG_VERSION);
    GlobalOptions global;
    app.add_option("--layers", global.layersDirectory,
                   "Folder of layer definitions (default: the installed layers/)")
        ->check(CLI::ExistingDirectory);

    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<NewCommand>());
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<ImportOsmCommand>());
    commands.push_back(std::make_unique<ImportPhotosCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    commands.push_back(std::make_unique<GenerateLightingCommand>());
    commands.push_back(std::make_unique<RenderCommand>());
    commands.push_back(std::make_unique<ProtocolCommand>());
    commands.push_back(std::make_unique<PlanCommand>());
    commands.push_back(std::make_unique<LightingCommand>());
    commands.push_back(std::make_unique<HeatmapCommand>());
    commands.push_back(std::make_unique<HotspotsCommand>());
    commands.push_back(std::make_unique<PrioritiesCommand>());
    commands.push_back(std::make_unique<FollowUpCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<DbCommand>());
    for (auto& command : commands) {
        command->setup(app);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    for (auto& command : commands) {
        if (command->wasChosen()) {
            return command->run(global);
        }
    }
    return kExitUsage;
}
