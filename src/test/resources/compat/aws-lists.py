# Prints, as JSON, what the installed AWS CLI accepts: its global options (awscli/data/cli.json),
# the environment variables and config keys it and its botocore read, and the flags of each
# `aws s3` command (the ARG_TABLE of awscli/customizations/s3/subcommands.py).
# Run by AwsCompatibilityDocTest; reads the AWS CLI's own data, imports nothing that calls AWS.
import json, os, re, sys
import awscli
from awscli.botocore import configprovider
from awscli.customizations.s3 import subcommands, transferconfig
from awscli.customizations.s3.syncstrategy import delete, exacttimestamps, sizeonly

root = os.path.dirname(awscli.__file__)
with open(os.path.join(root, 'data', 'cli.json')) as f:
    global_options = sorted('--' + k for k in json.load(f)['options'])

env, config = set(), set()
for name, spec in configprovider.BOTOCORE_DEFAUT_SESSION_VARIABLES.items():
    keys, envs = spec[0], spec[1]
    for k in (keys if isinstance(keys, list) else [keys]):
        if isinstance(k, tuple):
            config.add('.'.join(k))
        elif k:
            config.add(k)
    for e in (envs if isinstance(envs, (list, tuple)) else [envs]):
        if e:
            env.add(e)
for source in ('clidriver.py', os.path.join('botocore', 'credentials.py')):
    with open(os.path.join(root, source)) as f:
        text = f.read()
    env.update(re.findall(r"['\"](AWS_[A-Z0-9_]+)['\"]", text))
    config.update(re.findall(r"config_var_name=['\"]([a-z0-9_]+)['\"]", text))
for k in transferconfig.DEFAULTS:
    config.add('s3.' + k)

s3 = {}
for cls in (subcommands.ListCommand, subcommands.WebsiteCommand, subcommands.PresignCommand,
            subcommands.CpCommand, subcommands.MvCommand, subcommands.RmCommand, subcommands.SyncCommand,
            subcommands.MbCommand, subcommands.RbCommand):
    s3[cls.NAME] = sorted('--' + a['name'] for a in cls.ARG_TABLE if not a.get('positional_arg'))

s3['sync'] = sorted(s3['sync'] + ['--' + c.ARGUMENT['name'] for c in (
    delete.DeleteSync, exacttimestamps.ExactTimestampsSync, sizeonly.SizeOnlySync)])

json.dump({'global': global_options, 'env': sorted(env), 'config': sorted(config), 's3': s3}, sys.stdout, indent=1)
