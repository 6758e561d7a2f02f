using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeRenewal.Kernel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ObjectionContactEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain phone moves into the cipher column with an empty mask; the start-up encrypts and masks it
            // (Supervision's ObjectionContactEncryption), since the personal-data key is not the database's.
            migrationBuilder.RenameColumn(
                name: "ContactPhone",
                table: "SupBaseExitObjections",
                newName: "ContactPhoneCipher");

            migrationBuilder.AlterColumn<string>(
                name: "ContactPhoneCipher",
                table: "SupBaseExitObjections",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhoneMasked",
                table: "SupBaseExitObjections",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactPhoneMasked",
                table: "SupBaseExitObjections");

            migrationBuilder.AlterColumn<string>(
                name: "ContactPhoneCipher",
                table: "SupBaseExitObjections",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);

            migrationBuilder.RenameColumn(
                name: "ContactPhoneCipher",
                table: "SupBaseExitObjections",
                newName: "ContactPhone");
        }
    }
}
