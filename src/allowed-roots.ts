// The folders import_document may read from, and the one door a tool call's path goes through: resolved
// (symlinks, `..`) inside those folders only, a regular file only, its size checked before it is read.
// A chat client often starts the server in `/`, so the working folder is never a default root, and a root
// that is the whole disk or the whole home folder is refused.
import { lstatSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, delimiter, dirname, isAbsolute, join, parse, relative, resolve, sep } from "node:path";
import { InputError } from "./domain/errors.js";
import { formatBytes, MAX_INPUT_FILE_BYTES } from "./domain/limits.js";

/** The roots when neither `--root` nor JIXIAO_ROOTS names any: a `jixiao` folder in the user's documents. */
export function defaultRoot(): string {
  return join(process.env.XDG_DOCUMENTS_DIR || join(homedir(), "Documents"), "jixiao");
}

/** `--root` values, else JIXIAO_ROOTS (separated like PATH), else the default root; each checked. */
export function chooseRoots(given: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.JIXIAO_ROOTS ?? "").split(delimiter).filter((r) => r.trim() !== "");
  const roots = given.length > 0 ? given : fromEnv.length > 0 ? fromEnv : [defaultRoot()];
  return roots.map(checkRoot);
}

/** A root as an absolute path; the disk root and the home folder as a whole are refused. */
export function checkRoot(root: string): string {
  const absolute = resolve(root);
  const real = realOr(absolute);
  if (parse(real).root === real) {
    throw new InputError(`允许目录“${root}”是整个磁盘，范围过大：请用 --root 或 JIXIAO_ROOTS 指定存放绩效文本的文件夹`);
  }
  if (real === realOr(homedir())) {
    throw new InputError(`允许目录“${root}”是整个用户主目录，范围过大：请用 --root 或 JIXIAO_ROOTS 指定其中存放绩效文本的文件夹`);
  }
  return absolute;
}

/**
 * The real path of `path` if it lies inside one of the roots and is a regular file of at most
 * MAX_INPUT_FILE_BYTES. A path outside the roots gets one message whether or not it exists, so the answer
 * tells nothing about the disk outside.
 */
export function resolveAllowedPath(roots: readonly string[], path: string): string {
  const candidate = isAbsolute(path) ? path : resolve(roots[0], path);
  const found = realLocation(candidate);
  const inside = found !== null && roots.some((root) => isInside(found.real, root));
  if (!inside) {
    const missing = roots.filter((root) => !existsAsLink(root));
    const create = missing.length > 0 ? `；其中 ${missing.join("、")} 还不存在，请先建立` : "";
    throw new InputError(
      `路径“${path}”不在允许的目录内（允许：${roots.join("、")}${create}）。请把文件放到这些目录下，或启动服务器时用 --root 添加目录`,
    );
  }
  if (!found.exists) throw new InputError(`文件不存在或无法访问：${path}`);
  const info = statSync(found.real);
  if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是文件`);
  if (!info.isFile()) throw new InputError(`${path}：不是普通文件（设备、管道或套接字），不读取`);
  if (info.size > MAX_INPUT_FILE_BYTES) {
    throw new InputError(`${path}：文件过大，有 ${formatBytes(info.size)}，上限 ${formatBytes(MAX_INPUT_FILE_BYTES)}`);
  }
  return found.real;
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Where a path really is: its real path when it exists; for a missing file, the real path of its nearest
 * existing folder and the rest of the name; null for a link whose target is missing (its target may lie
 * outside the roots, and whether that exists is not ours to tell).
 */
function realLocation(candidate: string): { real: string; exists: boolean } | null {
  try {
    return { real: realpathSync(candidate), exists: true };
  } catch {
    // fall through: missing, or a dangling link
  }
  if (existsAsLink(candidate)) return null;
  let folder = dirname(candidate);
  let rest = basename(candidate);
  for (;;) {
    try {
      return { real: join(realpathSync(folder), rest), exists: false };
    } catch {
      if (existsAsLink(folder) || dirname(folder) === folder) return null;
      rest = join(basename(folder), rest);
      folder = dirname(folder);
    }
  }
}

function existsAsLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isInside(real: string, root: string): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const rel = relative(realRoot, real);
  // `..dots.txt` is a name inside the root; only `..` itself or `../…` leaves it.
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
