module github.com/iblai/pulumi-iblai-claw/tools/pulumi-resource-command

go 1.26.6

require github.com/pulumi/pulumi-command v1.2.1
