IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE TABLE [drivers] (
        [id] int NOT NULL IDENTITY,
        [full_name] nvarchar(200) NOT NULL,
        [phone_number] nvarchar(20) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_drivers] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE TABLE [calls] (
        [id] int NOT NULL IDENTITY,
        [conversation_id] nvarchar(128) NOT NULL,
        [driver_id] int NULL,
        [call_start_time] datetimeoffset NOT NULL,
        [call_end_time] datetimeoffset NULL,
        [status] nvarchar(16) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_calls] PRIMARY KEY ([id]),
        CONSTRAINT [ak_calls_conversation_id] UNIQUE ([conversation_id]),
        CONSTRAINT [fk_calls_drivers_driver_id] FOREIGN KEY ([driver_id]) REFERENCES [drivers] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE TABLE [elevenlabs_call_records] (
        [id] int NOT NULL IDENTITY,
        [conversation_id] nvarchar(128) NOT NULL,
        [driver_id] int NOT NULL,
        [phone_number] nvarchar(20) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_elevenlabs_call_records] PRIMARY KEY ([id]),
        CONSTRAINT [fk_elevenlabs_call_records_drivers_driver_id] FOREIGN KEY ([driver_id]) REFERENCES [drivers] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE TABLE [call_transcriptions] (
        [id] int NOT NULL IDENTITY,
        [conversation_id] nvarchar(128) NOT NULL,
        [speaker_type] nvarchar(16) NOT NULL,
        [message_text] nvarchar(max) NOT NULL,
        [timestamp] datetimeoffset NOT NULL,
        [sequence_number] int NOT NULL,
        [content_hash] nchar(64) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_call_transcriptions] PRIMARY KEY ([id]),
        CONSTRAINT [fk_call_transcriptions_calls_conversation_id] FOREIGN KEY ([conversation_id]) REFERENCES [calls] ([conversation_id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [ux_call_transcriptions_conversation_id_content_hash] ON [call_transcriptions] ([conversation_id], [content_hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [ux_call_transcriptions_conversation_id_sequence_number] ON [call_transcriptions] ([conversation_id], [sequence_number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE INDEX [ix_calls_driver_id] ON [calls] ([driver_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE INDEX [ix_elevenlabs_call_records_driver_id] ON [elevenlabs_call_records] ([driver_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [ux_elevenlabs_call_records_conversation_id] ON [elevenlabs_call_records] ([conversation_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261121000000_InitialSchema'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261121000000_InitialSchema', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207000000_ReconciliationChecks'
)
BEGIN
    CREATE TABLE [reconciliation_checks] (
        [conversation_id] nvarchar(128) NOT NULL,
        [checks] int NOT NULL,
        [last_checked_at] datetimeoffset NULL,
        [next_check_at] datetimeoffset NULL,
        [given_up_at] datetimeoffset NULL,
        CONSTRAINT [pk_reconciliation_checks] PRIMARY KEY ([conversation_id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207000000_ReconciliationChecks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207000000_ReconciliationChecks', N'10.0.14');
END;

COMMIT;
GO

