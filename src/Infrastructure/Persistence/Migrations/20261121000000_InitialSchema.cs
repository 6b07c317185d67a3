using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace CallTranscription.Infrastructure.Persistence.Migrations;

/// <summary>Hand-written: there is no `dotnet ef` here (docs/decisions/0004-hand-written-migrations.md).</summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261121000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "drivers",
            columns: table => new
            {
                id = Identity(table.Column<int>(nullable: false)),
                full_name = table.Column<string>(maxLength: 200, nullable: false),
                phone_number = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_drivers", x => x.id));

        migrationBuilder.CreateTable(
            name: "elevenlabs_call_records",
            columns: table => new
            {
                id = Identity(table.Column<int>(nullable: false)),
                conversation_id = table.Column<string>(maxLength: 128, nullable: false),
                driver_id = table.Column<int>(nullable: false),
                phone_number = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_elevenlabs_call_records", x => x.id);
                table.ForeignKey(
                    name: "fk_elevenlabs_call_records_drivers_driver_id",
                    column: x => x.driver_id,
                    principalTable: "drivers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "calls",
            columns: table => new
            {
                id = Identity(table.Column<int>(nullable: false)),
                conversation_id = table.Column<string>(maxLength: 128, nullable: false),
                driver_id = table.Column<int>(nullable: true),
                call_start_time = table.Column<DateTimeOffset>(nullable: false),
                call_end_time = table.Column<DateTimeOffset>(nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_calls", x => x.id);
                table.UniqueConstraint("ak_calls_conversation_id", x => x.conversation_id);
                table.ForeignKey(
                    name: "fk_calls_drivers_driver_id",
                    column: x => x.driver_id,
                    principalTable: "drivers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "call_transcriptions",
            columns: table => new
            {
                id = Identity(table.Column<int>(nullable: false)),
                conversation_id = table.Column<string>(maxLength: 128, nullable: false),
                speaker_type = table.Column<string>(maxLength: 16, nullable: false),
                message_text = table.Column<string>(nullable: false),
                timestamp = table.Column<DateTimeOffset>(nullable: false),
                sequence_number = table.Column<int>(nullable: false),
                content_hash = table.Column<string>(fixedLength: true, maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_call_transcriptions", x => x.id);
                table.ForeignKey(
                    name: "fk_call_transcriptions_calls_conversation_id",
                    column: x => x.conversation_id,
                    principalTable: "calls",
                    principalColumn: "conversation_id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_calls_driver_id", "calls", "driver_id");
        migrationBuilder.CreateIndex(
            "ux_call_transcriptions_conversation_id_content_hash", "call_transcriptions", ["conversation_id", "content_hash"], unique: true);
        migrationBuilder.CreateIndex(
            "ux_call_transcriptions_conversation_id_sequence_number", "call_transcriptions", ["conversation_id", "sequence_number"], unique: true);
        migrationBuilder.CreateIndex("ix_elevenlabs_call_records_driver_id", "elevenlabs_call_records", "driver_id");
        migrationBuilder.CreateIndex(
            "ux_elevenlabs_call_records_conversation_id", "elevenlabs_call_records", "conversation_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("call_transcriptions");
        migrationBuilder.DropTable("calls");
        migrationBuilder.DropTable("elevenlabs_call_records");
        migrationBuilder.DropTable("drivers");
    }

    // Each provider reads its own annotation and ignores the others'.
    private static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) => column
        .Annotation("Sqlite:Autoincrement", true)
        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
        .Annotation("SqlServer:Identity", "1, 1");
}
