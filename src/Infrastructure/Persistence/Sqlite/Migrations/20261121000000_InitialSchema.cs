using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallTranscription.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drivers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drivers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    driver_id = table.Column<int>(type: "INTEGER", nullable: true),
                    call_start_time = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    call_end_time = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "elevenlabs_call_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    driver_id = table.Column<int>(type: "INTEGER", nullable: false),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "call_transcriptions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    speaker_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    message_text = table.Column<string>(type: "TEXT", nullable: false),
                    timestamp = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    sequence_number = table.Column<int>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ux_call_transcriptions_conversation_id_content_hash",
                table: "call_transcriptions",
                columns: new[] { "conversation_id", "content_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_call_transcriptions_conversation_id_sequence_number",
                table: "call_transcriptions",
                columns: new[] { "conversation_id", "sequence_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_driver_id",
                table: "calls",
                column: "driver_id");

            migrationBuilder.CreateIndex(
                name: "ix_elevenlabs_call_records_driver_id",
                table: "elevenlabs_call_records",
                column: "driver_id");

            migrationBuilder.CreateIndex(
                name: "ux_elevenlabs_call_records_conversation_id",
                table: "elevenlabs_call_records",
                column: "conversation_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_transcriptions");

            migrationBuilder.DropTable(
                name: "elevenlabs_call_records");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "drivers");
        }
    }
}
