package main

// schemaJSON describes what this build implements: command:local:Command and its Logging
// enum. (Upstream's schema also has command:remote:*, command:local:run and the asset and
// archive properties; they fail with "not supported by this build" here.)
const schemaJSON = `{
  "name": "command",
  "version": "1.2.1",
  "displayName": "Command",
  "description": "Runs local commands as part of the Pulumi resource lifecycle (pulumi-iblai-claw build: command:local:Command only).",
  "license": "Apache-2.0",
  "repository": "https://github.com/iblai/pulumi-iblai-claw",
  "config": {},
  "provider": {},
  "types": {
    "command:local:Logging": {
      "type": "string",
      "enum": [
        {"name": "Stdout", "value": "stdout", "description": "Capture stdout in logs but not stderr"},
        {"name": "Stderr", "value": "stderr", "description": "Capture stderr in logs but not stdout"},
        {"name": "StdoutAndStderr", "value": "stdoutAndStderr", "description": "Capture stdout and stderr in logs"},
        {"name": "None", "value": "none", "description": "Capture no logs"}
      ]
    }
  },
  "resources": {
    "command:local:Command": {
      "description": "A local command, run on create (and update, and delete when given). A non-zero exit fails the step.",
      "inputProperties": {
        "create": {"type": "string", "description": "The command to run on create; also on update when there is no update command."},
        "update": {"type": "string", "description": "The command to run on update. If empty, create runs instead."},
        "delete": {"type": "string", "description": "The command to run on delete."},
        "dir": {"type": "string", "description": "The directory to run the commands in; it must exist."},
        "environment": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Environment variables added to the command's process."},
        "interpreter": {"type": "array", "items": {"type": "string"}, "description": "The program and arguments that run the command; defaults to [\"/bin/sh\", \"-c\"]."},
        "stdin": {"type": "string", "description": "Passed to the command as standard input."},
        "triggers": {"type": "array", "items": {"$ref": "pulumi.json#/Any"}, "replaceOnChanges": true, "description": "Any change to these values replaces the resource."},
        "logging": {"$ref": "#/types/command:local:Logging", "description": "Which output streams are shown while the command runs (default: both)."},
        "addPreviousOutputInEnv": {"type": "boolean", "description": "Whether PULUMI_COMMAND_STDOUT/STDERR of the previous run are set for update and delete (default true)."}
      },
      "properties": {
        "create": {"type": "string"},
        "update": {"type": "string"},
        "delete": {"type": "string"},
        "dir": {"type": "string"},
        "environment": {"type": "object", "additionalProperties": {"type": "string"}},
        "interpreter": {"type": "array", "items": {"type": "string"}},
        "stdin": {"type": "string"},
        "triggers": {"type": "array", "items": {"$ref": "pulumi.json#/Any"}, "replaceOnChanges": true},
        "logging": {"$ref": "#/types/command:local:Logging"},
        "addPreviousOutputInEnv": {"type": "boolean"},
        "stdout": {"type": "string", "description": "The standard output of the last create or update (one trailing newline removed)."},
        "stderr": {"type": "string", "description": "The standard error of the last create or update (one trailing newline removed)."}
      },
      "required": ["stdout", "stderr"]
    }
  }
}`
